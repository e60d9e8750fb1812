package org.mhconnect.journal.outbox;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.events.Topics;
import org.mhconnect.journal.JournalProperties;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** The journal topic, which this service owns, and how events are written to it. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    NewTopic journalTopic(JournalProperties properties) {
        return TopicBuilder.name(Topics.JOURNAL)
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    /** Where user events this service cannot handle are parked. */
    @Bean
    NewTopic userEventsDeadLetters(JournalProperties properties) {
        return TopicBuilder.name(Topics.deadLetter(Topics.USERS, "journal-service"))
                .partitions(properties.topics().partitions())
                .replicas(properties.topics().replicas())
                .build();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, Object> template, JournalProperties properties, EventTracing tracing) {
        return new EventPublisher(template, "journal-service", properties.outbox().publishTimeout(), tracing);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
