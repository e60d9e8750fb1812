package org.mhconnect.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.EventTypes;
import org.mhconnect.kafkaevents.EventNotPublishedException;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transactional outbox without transactions (mongo-java-server has none), the one every service uses.
 * <ol>
 * <li>{@link #stage} records the event in the outbox collection, with the request's trace context, before the change
 * it describes is written;</li>
 * <li>the service writes its change;</li>
 * <li>{@link #release} publishes the event and removes it from the outbox. When the broker does not answer, the event
 * stays staged and the request still succeeds: its change is safe.</li>
 * </ol>
 * The relay ({@link #relay()}, every {@link OutboxSettings#relayEvery()} on its own thread) publishes what a request
 * could not: events older than {@link OutboxSettings#relayAfter()} whose change the service's {@link ChangeCheck}
 * finds written, in the trace of the request that staged them; it drops those whose change was still not written
 * after {@link OutboxSettings#abandonAfter()}. So a change is never without its event, and no event describes a
 * change that does not exist.
 * <p>
 * Events with the same key go out in the order they were staged: a release waits for the relay while an older event
 * with its key is still staged, and the relay takes staged events oldest first, holding back a key's later events
 * while an earlier one cannot go yet. A repeat (published, then not unstaged) is harmless: consumers are idempotent
 * by event id.
 */
public final class Outbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** What one pass of the relay did. */
    public record Pass(int published, int dropped, int waiting) {
    }

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final EventTracing tracing;
    private final OutboxSettings settings;
    private final ChangeCheck check;
    private final RelayThread relayThread;

    public Outbox(MongoTemplate mongo, EventPublisher publisher, JsonMapper json, Clock clock, EventTracing tracing,
            OutboxSettings settings, ChangeCheck check) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
        this.settings = settings;
        this.check = check;
        this.relayThread = new RelayThread(mongo, settings.collection(), settings.relayEvery(), this::relay);
    }

    /** The collection of staged events, for the backlog gauges. */
    public String collection() {
        return settings.collection();
    }

    /** Records the event durably, before the change it describes is written. */
    public void stage(String topic, String key, DomainEvent event, String aggregateId) {
        stageAt(topic, key, event, aggregateId);
    }

    private Instant stageAt(String topic, String key, DomainEvent event, String aggregateId) {
        Instant stagedAt = clock.instant();
        mongo.insert(new StagedEvent(event.eventId().toString(), topic, key, EventTypes.typeOf(event), aggregateId,
                json.writeValueAsString(event), stagedAt, tracing.current()), settings.collection());
        return stagedAt;
    }

    /**
     * Stages the event, runs the write, then releases the event. When the write fails, the event is dropped (or, if
     * even that fails, left to the relay, which drops it once abandoned) and the failure goes to the caller.
     */
    public void around(String topic, String key, DomainEvent event, String aggregateId, Runnable write) {
        Instant stagedAt = stageAt(topic, key, event, aggregateId);
        try {
            write.run();
        }
        catch (RuntimeException ex) {
            try {
                drop(event);
            }
            catch (DataAccessException dropFailed) {
                ex.addSuppressed(dropFailed);
            }
            throw ex;
        }
        release(topic, key, event, stagedAt);
    }

    /**
     * Publishes a staged event now and unstages it. Never fails the caller, whose change is already written: when the
     * broker is away, or an older event with the same key still waits, the relay publishes it later.
     *
     * @return whether it was published now
     */
    public boolean release(String topic, String key, DomainEvent event) {
        StagedEvent mine;
        try {
            mine = mongo.findById(event.eventId().toString(), StagedEvent.class, settings.collection());
        }
        catch (DataAccessException ex) {
            log.warn("Event {} not published yet ({}); the outbox relay will retry", event.eventId(), ex.getMessage());
            return false;
        }
        return release(topic, key, event, mine == null ? null : mine.stagedAt());
    }

    /** As {@link #release(String, String, DomainEvent)}, when the caller knows when it staged the event (null: not staged). */
    private boolean release(String topic, String key, DomainEvent event, Instant stagedAt) {
        String eventId = event.eventId().toString();
        try {
            if (stagedAt != null && olderEventWaits(key, stagedAt)) {
                log.info("Event {} waits for an older event with its key; the outbox relay publishes both in order", eventId);
                return false;
            }
            publisher.publish(topic, key, event);
        }
        catch (EventNotPublishedException | DataAccessException ex) {
            log.warn("Event {} not published yet ({}); the outbox relay will retry", eventId, ex.getMessage());
            return false;
        }
        try {
            unstage(eventId);
        }
        catch (DataAccessException ex) {
            // Published but still staged: the relay publishes it again, which consumers treat as a redelivery.
            log.warn("Event {} was published but could not be unstaged: {}", eventId, ex.getMessage());
        }
        return true;
    }

    /** The change was refused or never written: its event must never go out. */
    public void drop(DomainEvent event) {
        unstage(event.eventId().toString());
    }

    /** One pass of the relay over the staged events old enough to be its business, oldest first. */
    public Pass relay() {
        Instant now = clock.instant();
        Instant abandoned = now.minus(settings.abandonAfter());
        Query stale = Query.query(Criteria.where("stagedAt").lt(now.minus(settings.relayAfter())))
                .with(Sort.by("stagedAt")).limit(OutboxSettings.BATCH);
        Set<String> heldKeys = new HashSet<>();
        int published = 0;
        int dropped = 0;
        int waiting = 0;
        for (StagedEvent staged : mongo.find(stale, StagedEvent.class, settings.collection())) {
            if (heldKeys.contains(staged.key())) {
                waiting++;
                continue;
            }
            if (!check.written(staged)) {
                if (staged.stagedAt().isBefore(abandoned)) {
                    unstage(staged.eventId());
                    dropped++;
                    log.info("Dropped staged event {} ({}): its change was never written", staged.eventId(), staged.type());
                }
                else {
                    heldKeys.add(staged.key());
                    waiting++;
                }
                continue;
            }
            try {
                publishStaged(staged);
                published++;
                log.info("Relayed staged event {} ({})", staged.eventId(), staged.type());
            }
            catch (EventNotPublishedException | DataAccessException ex) {
                heldKeys.add(staged.key());
                waiting++;
                log.warn("Staged event {} not relayed yet: {}", staged.eventId(), ex.getMessage());
            }
        }
        return new Pass(published, dropped, waiting);
    }

    private void publishStaged(StagedEvent staged) {
        DomainEvent event = json.readValue(staged.payload(), EventTypes.CLASSES.get(staged.type()));
        // The event goes out in the trace of the request that staged it, not in the relay's own.
        tracing.run(staged.traceparent(), "outbox relay", () -> publisher.publish(staged.topic(), staged.key(), event));
        unstage(staged.eventId());
    }

    private boolean olderEventWaits(String key, Instant stagedAt) {
        // A scan of the pending events only, which are few; a real MongoDB uses the stagedAt index.
        return mongo.exists(Query.query(Criteria.where("key").is(key).and("stagedAt").lt(stagedAt)),
                StagedEvent.class, settings.collection());
    }

    /** Removes by id; an event another instance already removed is simply gone. */
    private void unstage(String eventId) {
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), StagedEvent.class, settings.collection());
    }

    @Override
    public void start() {
        relayThread.start();
    }

    @Override
    public void stop() {
        relayThread.stop();
    }

    @Override
    public boolean isRunning() {
        return relayThread.isRunning();
    }
}
