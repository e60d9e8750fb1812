package org.mhconnect.kafkaevents;

import java.time.Duration;

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

/**
 * Every service that includes this module speaks events the same way: record values as JSON with logical type
 * ids, CloudEvents headers on publishing, and dead-letter topics named after the consuming service
 * ({@code spring.application.name}).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaEventsAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventSerialization() {
        return factory -> factory.setValueSerializer(EventSerialization.serializer());
    }

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer eventDeserialization() {
        // Keys stay strings (user ids); values are events, whatever their logical type.
        return factory -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
                .setValueDeserializer(EventSerialization.deserializer());
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> template, Environment environment) {
        return new EventPublisher(template, serviceName(environment),
                environment.getProperty("mhc.events.publish-timeout", Duration.class, Duration.ofSeconds(3)));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaProperties kafka, Environment environment) {
        return DeadLetters.errorHandler(serviceName(environment), kafka.buildProducerProperties());
    }

    private static String serviceName(Environment environment) {
        return environment.getRequiredProperty("spring.application.name");
    }
}
