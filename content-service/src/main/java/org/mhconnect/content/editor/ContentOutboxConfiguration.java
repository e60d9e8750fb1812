package org.mhconnect.content.editor;

import java.time.Clock;

import org.mhconnect.content.ContentProperties;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.OutboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content events are never lost: the shared outbox ({@code content_outbox}). The event is staged before the item
 * is changed; the change itself records the event id in the item's {@code recentEvents}, in the same single-document
 * write; then the event is released. The relay publishes a staged event when the item carries its id, and drops it
 * when the change never happened. Keyed by the item's slug, so an item's events keep their order.
 */
@Configuration(proxyBeanMethods = false)
class ContentOutboxConfiguration {

    static final String COLLECTION = "content_outbox";

    @Bean
    Outbox contentOutbox(MongoTemplate mongo, EventPublisher publisher, JsonMapper json, Clock clock, EventTracing tracing,
            ContentProperties properties) {
        ContentProperties.Outbox settings = properties.outbox();
        return new Outbox(mongo, publisher, json, clock, tracing,
                new OutboxSettings(COLLECTION, settings.relayAfter(), settings.abandonAfter(), settings.relayEvery()),
                staged -> mongo.exists(Query.query(Criteria.where("_id").is(staged.aggregateId())
                        .and("recentEvents").is(staged.eventId())), "items"));
    }
}
