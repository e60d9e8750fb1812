package org.mhconnect.content.editor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.mhconnect.events.EventTypes;
import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentEvent;
import org.mhconnect.kafkaevents.EventNotPublishedException;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content events are never lost, without transactions (mongo-java-server has none). The event is staged in
 * {@code content_outbox} before the item is changed; the change itself records the event id in the item's
 * {@code recentEvents}, in the same single-document write; then the event is published and unstaged. When the
 * process stops in between, the relay finds the staged event: it publishes it when the item carries its id, and
 * drops it when the change never happened. The collection holds only pending events, so the relay's scan stays
 * small without a secondary index.
 */
@Component
class ContentOutbox {

    private static final Logger log = LoggerFactory.getLogger(ContentOutbox.class);
    static final Duration RELAY_AFTER = Duration.ofSeconds(10);
    static final Duration ABANDON_AFTER = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final EventTracing tracing;

    ContentOutbox(MongoTemplate mongo, EventPublisher publisher, JsonMapper json, Clock clock, EventTracing tracing) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * One event waiting for Kafka's acknowledgement, with the W3C trace context of the change that staged it
     * ({@code null} on events staged before tracing), which the relay continues.
     */
    @Document("content_outbox")
    record Staged(@Id String eventId, String slug, String type, String payload, Instant stagedAt, String traceparent) {
    }

    void stage(ContentEvent event) {
        mongo.insert(new Staged(event.eventId().toString(), event.slug(), EventTypes.typeOf(event),
                json.writeValueAsString(event), clock.instant(), tracing.current()));
    }

    /** The change was refused (stale version, unknown item): its event must never go out. */
    void drop(ContentEvent event) {
        unstage(event.eventId().toString());
    }

    /** Publishes now; when the broker is away the event stays staged and the relay retries. Never fails the caller. */
    void release(ContentEvent event) {
        try {
            publisher.publish(Topics.CONTENT, event.slug(), event);
        }
        catch (EventNotPublishedException ex) {
            log.warn("{}; the content outbox relay will retry", ex.getMessage());
            return;
        }
        try {
            unstage(event.eventId().toString());
        }
        catch (DataAccessException ex) {
            log.warn("Content event {} was published but could not be unstaged: {}", event.eventId(), ex.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${mhc.content.outbox.relay-every:5s}", initialDelayString = "${mhc.content.outbox.relay-every:5s}")
    void relay() {
        Instant now = clock.instant();
        Query stale = Query.query(Criteria.where("stagedAt").lt(now.minus(RELAY_AFTER))).limit(500);
        for (Staged staged : mongo.find(stale, Staged.class)) {
            Query written = Query.query(Criteria.where("_id").is(staged.slug()).and("recentEvents").is(staged.eventId()));
            if (!mongo.exists(written, "items")) {
                if (staged.stagedAt().isBefore(now.minus(ABANDON_AFTER))) {
                    unstage(staged.eventId());
                    log.info("Dropped staged content event {}: its change was never written", staged.eventId());
                }
                continue;
            }
            try {
                ContentEvent event = (ContentEvent) json.readValue(staged.payload(), EventTypes.CLASSES.get(staged.type()));
                tracing.run(staged.traceparent(), "outbox relay", () -> publisher.publish(Topics.CONTENT, event.slug(), event));
                unstage(staged.eventId());
                log.info("Relayed staged content event {}", staged.eventId());
            }
            catch (EventNotPublishedException | DataAccessException ex) {
                log.warn("Staged content event {} not relayed yet: {}", staged.eventId(), ex.getMessage());
            }
        }
    }

    private void unstage(String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), Staged.class);
    }
}
