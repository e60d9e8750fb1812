package org.mhconnect.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test context at the shared infrastructure. Each service's test configuration
 * names it, so every integration test talks to the same Kafka and MongoDB, and trusts the same test issuer
 * of access tokens ({@link TestTokens}). The gateway's contexts also share one key-encryption key for the run.
 */
public final class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String KEY_ENCRYPTION_KEY = randomKey();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = TestInfrastructure.get();
        SharedTopics.ensure(infrastructure.kafkaBootstrapServers());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mhc-test-infrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(),
                "mhc.security.jwks-uri", TestTokens.get().jwksUri(),
                "mhc.security.issuer", TestTokens.ISSUER,
                "mhc.security.audience", TestTokens.AUDIENCE,
                // The gateway seals its signing keys with this; every context of a run shares the database, so one key.
                "mhc.gateway.identity.key-encryption-key", KEY_ENCRYPTION_KEY)));
    }

    /** Made up for the run and never written down, so nothing secret sits in the repository. */
    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
