package org.mhconnect.operations;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What every service shows its operators, wherever this module is on the class path: the readiness gauge, the
 * background {@link Sampler}, consumer lag and dead-letter meters for the groups named in
 * {@code mhc.metrics.consumer-groups}, and, once actuator is on its own port, health status on the public port. Also
 * the MongoDB client's timeouts ({@link MongoClientTimeouts}), so that a database that is away fails a request fast.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
public class OperationsAutoConfiguration {

    @Bean
    Sampler metricsSampler(Environment environment) {
        return new Sampler(environment.getProperty("mhc.metrics.sample-interval", Duration.class, Duration.ofSeconds(5)));
    }

    /** Applied before the settings from {@code spring.mongodb.uri}, so that the URI's own options win. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer")
    static class MongoClient {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        MongoClientSettingsBuilderCustomizer mongoClientTimeouts(Environment environment) {
            MongoClientTimeouts timeouts = new MongoClientTimeouts(environment);
            return timeouts::applyTo;
        }
    }

    @Bean
    ReadinessGauge readinessGauge(ApplicationAvailability availability) {
        return new ReadinessGauge(availability);
    }

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaMeters kafkaMeters(MeterRegistry registry, Sampler sampler, ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            KafkaAdmin admin, Environment environment) {
        KafkaListenerEndpointRegistry endpoints = listeners.getIfAvailable(KafkaListenerEndpointRegistry::new);
        List<String> groups = List.of(environment.getProperty("mhc.metrics.consumer-groups", String[].class, new String[0]));
        return new KafkaMeters(registry, sampler, endpoints, admin, groups);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    @ConditionalOnBean(HealthEndpoint.class)
    static class PublicHealthConfiguration {

        @Bean
        PublicHealth publicHealth(HealthEndpoint health, ObjectProvider<HttpCodeStatusMapper> codes) {
            return new PublicHealth(health, codes.getIfAvailable(() -> HttpCodeStatusMapper.DEFAULT));
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
        static class Servlet {

            @Bean
            ServletPublicHealth servletPublicHealth(PublicHealth health) {
                return new ServletPublicHealth(health);
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
        static class Reactive {

            @Bean
            RouterFunction<ServerResponse> reactivePublicHealth(PublicHealth health) {
                return ReactivePublicHealth.routes(health);
            }
        }
    }
}
