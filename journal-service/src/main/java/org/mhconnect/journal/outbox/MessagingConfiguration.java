package org.mhconnect.journal.outbox;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.OutboxSettings;
import tools.jackson.databind.json.JsonMapper;

import org.mhconnect.journal.JournalProperties;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTopic;
import org.mhconnect.kafkaevents.EventTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** The journal topic, which this service owns, and how events are written to it: through the outbox. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The staged events, pending ones only. */
    static final String COLLECTION = "outbox";

    /** {@code mhc.journal}, and where user events this service cannot handle are parked ({@link EventTopic}). */
    @Bean
    KafkaAdmin.NewTopics topics(Environment environment, JournalProperties properties) {
        return EventTopic.createdBy(environment, properties.topics().partitions(), properties.topics().replicas());
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
