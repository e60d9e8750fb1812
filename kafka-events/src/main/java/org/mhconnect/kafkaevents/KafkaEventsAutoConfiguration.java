package org.mhconnect.kafkaevents;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Every service that includes this module speaks events the same way: record values as JSON with logical type
 * ids, CloudEvents headers on publishing, and dead-letter topics named after the consuming service
 * ({@code spring.application.name}).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaEventsAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventSerialization(Environment environment) {
        return factory -> {
            factory.setValueSerializer(EventSerialization.serializer());
            // send() itself waits for metadata (an unreachable broker, a missing topic) up to max.block.ms, 60 s by
            // default, before the publish timeout even starts: bound it by that timeout, unless set explicitly.
            if (!factory.getConfigurationProperties().containsKey(ProducerConfig.MAX_BLOCK_MS_CONFIG)) {
                factory.updateConfigs(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, publishTimeout(environment).toMillis()));
            }
        };
    }

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer eventDeserialization() {
        // Keys stay strings (user ids); values are events, whatever their logical type.
        return factory -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
                .setValueDeserializer(EventSerialization.deserializer());
    }

    /**
     * The one clock of a service: UTC, from the system. Everything that needs the time takes this bean (the services'
     * architecture tests refuse {@code Clock.systemUTC()} and {@code Instant.now()} elsewhere), so a test can give a
     * service a clock of its own.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> template, Environment environment, EventTracing tracing) {
        return new EventPublisher(template, serviceName(environment), publishTimeout(environment), tracing);
    }

    /** Trace context on events and outbox records; inert when the service has no tracer. */
    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer found = tracer.getIfAvailable();
        Propagator foundPropagator = propagator.getIfAvailable();
        return found == null || foundPropagator == null ? EventTracing.NONE : new EventTracing(found, foundPropagator);
    }

    /** Boot's listener container factory takes this interceptor: every listener continues its record's trace. */
    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    RecordInterceptor<Object, Object> tracingRecordInterceptor(EventTracing tracing) {
        return new TracingRecordInterceptor(tracing);
    }

    private static Duration publishTimeout(Environment environment) {
        return environment.getProperty("mhc.events.publish-timeout", Duration.class, Duration.ofSeconds(3));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaProperties kafka, Environment environment,
            ObjectProvider<MeterRegistry> registry) {
        return DeadLetters.errorHandler(serviceName(environment), kafka.buildProducerProperties(),
                registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    private static String serviceName(Environment environment) {
        return environment.getRequiredProperty("spring.application.name");
    }
}
