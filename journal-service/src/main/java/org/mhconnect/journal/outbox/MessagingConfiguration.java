package org.mhconnect.journal.outbox;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.OutboxSettings;
import tools.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhconnect.events.Topics;
import org.mhconnect.journal.JournalProperties;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** The journal topic, which this service owns, and how events are written to it: through the outbox. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The staged events, pending ones only. */
    static final String COLLECTION = "outbox";

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

    /**
     * The journal's outbox ({@code outbox} collection): an entry's or a check-in's event is staged before it is
     * written, released after, and relayed when it exists ({@link AggregateExistence}, looked up when the relay runs).
     */
    @Bean
    Outbox journalOutbox(MongoTemplate mongo, EventPublisher publisher, JsonMapper json, Clock clock, EventTracing tracing,
            JournalProperties properties, ObjectProvider<AggregateExistence> aggregates) {
        JournalProperties.Outbox settings = properties.outbox();
        return new Outbox(mongo, publisher, json, clock, tracing,
                new OutboxSettings(COLLECTION, settings.relayAfter(), settings.abandonAfter(), settings.relayEvery()),
                staged -> aggregates.stream().anyMatch(aggregate -> aggregate.exists(staged.aggregateId())));
    }
}
