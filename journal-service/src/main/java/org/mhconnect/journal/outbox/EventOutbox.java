package org.mhconnect.journal.outbox;

import java.time.Clock;

import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.EventTypes;
import org.mhconnect.kafkaevents.EventNotPublishedException;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transactional outbox without transactions (mongo-java-server has none). An event is staged before the
 * entry it describes is written, and released after. If the process dies in between, the relay finds the
 * staged event, publishes it when its entry exists, and drops it when the entry was never written. So an
 * entry is never without its event, and no event describes an entry that does not exist. A staged event keeps the
 * request's trace context, so a relayed event still belongs to the trace of the request that caused it.
 */
@Component
public class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final EventTracing tracing;

    EventOutbox(MongoTemplate mongo, EventPublisher publisher, JsonMapper json, Clock clock, EventTracing tracing) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Records the event durably before the change it describes is written. */
    public void stage(String topic, DomainEvent event, String aggregateId) {
        mongo.insert(new OutboxDocument(event.eventId().toString(), topic, EventTypes.typeOf(event), aggregateId,
                json.writeValueAsString(event), clock.instant(), tracing.current()));
    }

    /**
     * Publishes a staged event now. When the broker does not answer in time the event stays staged and the
     * relay tries again; the caller's work is already safe, so this never fails the request.
     */
    public void release(String topic, DomainEvent event) {
        try {
            publisher.publish(topic, event);
        }
        catch (EventNotPublishedException ex) {
            log.warn("{}; the outbox relay will retry", ex.getMessage());
            return;
        }
        try {
            unstage(event.eventId().toString());
        }
        catch (DataAccessException ex) {
            // Published but still staged: the relay publishes it again, which consumers treat as a redelivery.
            log.warn("Event {} was published but could not be unstaged: {}", event.eventId(), ex.getMessage());
        }
    }

    void publishStaged(OutboxDocument staged) {
        Class<? extends DomainEvent> type = EventTypes.CLASSES.get(staged.type());
        // The event goes out in the trace of the request that staged it, not in the relay's own.
        tracing.run(staged.traceparent(), "outbox relay", () -> publisher.publish(staged.topic(), json.readValue(staged.payload(), type)));
        unstage(staged.eventId());
    }

    void drop(OutboxDocument staged) {
        unstage(staged.eventId());
    }

    /** Removes by id; an event another instance already removed is simply gone. */
    private void unstage(String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), OutboxDocument.class);
    }
}
