package org.mhconnect.reminder.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.events.Topics;
import org.mhconnect.kafkaevents.DeadLetters;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * How reminder-service reads events: by logical type, retrying a failed record a few times and then parking
 * it on this service's dead-letter topic, which this service owns and creates.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    static final String CONSUMER = "reminder-service";

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaConsumerFactoryCustomizer eventDeserialization() {
        // Keys stay strings (user ids); values are events, whatever their logical type.
        return factory -> ((DefaultKafkaConsumerFactory<Object, Object>) factory)
                .setValueDeserializer(EventSerialization.deserializer());
    }

    @Bean
    DefaultErrorHandler deadLetterErrorHandler(KafkaProperties kafka) {
        return DeadLetters.errorHandler(CONSUMER, kafka.buildProducerProperties());
    }

    @Bean
    NewTopic journalDeadLetters(ReminderProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.JOURNAL, CONSUMER))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }
}
