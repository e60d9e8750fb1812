package org.mhconnect.reminder.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.events.Topics;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The dead-letter topics of reminder-service's consumers, which this service owns and creates. How records are
 * read, retried and parked comes from the kafka-events module.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    static final String CONSUMER = "reminder-service";

    @Bean
    NewTopic userEventsDeadLetters(ReminderProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.USERS, CONSUMER))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    NewTopic dueDeadLetters(ReminderProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.REMINDERS_DUE, CONSUMER))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    NewTopic notificationsTopic(ReminderProperties properties) {
        return TopicBuilder.name(Topics.NOTIFICATIONS)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    NewTopic notificationDeadLetters(ReminderProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.NOTIFICATIONS, CONSUMER))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    /** The weekly digest reads the library's events. */
    @Bean
    NewTopic contentDeadLetters(ReminderProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.CONTENT, CONSUMER))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    NewTopic journalDeadLetters(ReminderProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.JOURNAL, CONSUMER))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }
}
