package org.mhconnect.reminder.messaging;

import org.mhconnect.kafkaevents.EventTopic;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics reminder-service creates, as kafka-events' {@link EventTopic} catalogue gives them: the engine's
 * schedules (compacted) and due reminders, the notifications, and the dead-letter topic of every topic its consumers
 * read. How records are read, retried and parked comes from the kafka-events module too.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    KafkaAdmin.NewTopics topics(Environment environment, ReminderProperties properties) {
        return EventTopic.createdBy(environment, properties.topics().partitions(), properties.topics().replicas());
    }
}
