package org.mhconnect.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test context at the shared infrastructure. Each service's test configuration
 * names it, so every integration test talks to the same Kafka and MongoDB, and trusts the same test issuer
 * of access tokens ({@link TestTokens}).
 */
public final class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = TestInfrastructure.get();
        SharedTopics.ensure(infrastructure.kafkaBootstrapServers());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mhc-test-infrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(),
                "mhc.security.jwks-uri", TestTokens.get().jwksUri(),
                "mhc.security.issuer", TestTokens.ISSUER,
                "mhc.security.audience", TestTokens.AUDIENCE)));
    }
}
