package org.mhconnect.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.mhconnect.kafkaevents.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The outbox for a record's latest state, where {@link Outbox} is the one for events: for a compacted topic that
 * carries each record's whole current state, sending it again is always harmless, so what waits here is not a list of
 * events but a mark per record, "its state may not have reached Kafka yet".
 * <ol>
 * <li>{@link #around} marks the record before its change is written, with the request's trace context;</li>
 * <li>the change is written;</li>
 * <li>the service's {@link StatePublisher} sends the record's state as the database has it now and waits for the
 * broker; then the mark is removed, unless a later change has marked it again meanwhile.</li>
 * </ol>
 * The relay ({@link #relay()}, every {@link Settings#relayEvery()} on its own thread) sends the state of every record
 * marked longer than {@link Settings#relayAfter()} ago, in the trace of the change that marked it. A change whose
 * process stopped halfway is therefore still sent, and one that failed sends the unchanged state again, which does no
 * harm.
 */
public final class StateOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StateOutbox.class);

    /** Sends the current state of one record (a tombstone when it is gone) and waits for the broker; throws when it cannot. */
    @FunctionalInterface
    public interface StatePublisher {
        void publish(String id, String key);
    }

    /**
     * How a state outbox behaves.
     *
     * @param collection the MongoDB collection of marks
     * @param relayAfter how old a mark must be before the relay takes it over from the change that made it
     * @param relayEvery how often the relay looks (zero: never by itself, for tests that call {@link #relay()})
     */
    public record Settings(String collection, Duration relayAfter, Duration relayEvery) {
        public Settings {
            Objects.requireNonNull(collection, "collection");
            if (relayAfter.isNegative() || relayEvery.isNegative()) {
                throw new IllegalArgumentException("A state outbox needs relayAfter >= 0 and relayEvery >= 0");
            }
        }
    }

    /** A record whose latest state may not have reached Kafka yet: its id, its key, when and in which trace it was marked. */
    public record Mark(@Id String id, String key, Instant stagedAt, String traceparent) {
    }

    /** What one pass of the relay did: records sent, and marks left for the next pass (the broker refused). */
    public record Pass(int published, int waiting) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final EventTracing tracing;
    private final Settings settings;
    private final StatePublisher publisher;
    private final RelayThread relayThread;

    public StateOutbox(MongoTemplate mongo, Clock clock, EventTracing tracing, Settings settings, StatePublisher publisher) {
        this.mongo = mongo;
        this.clock = clock;
        this.tracing = tracing;
        this.settings = settings;
        this.publisher = publisher;
        this.relayThread = new RelayThread(mongo, settings.collection(), settings.relayEvery(), this::relay);
    }

    /**
     * Marks the record, runs the change, then sends the record's state. When the change throws, the mark stays: the
     * relay sends the state as it is, which is harmless if nothing changed and needed if part of it was written.
     */
    public <T> T around(String id, String key, Supplier<T> write) {
        Instant stagedAt = mark(id, key);
        T result = write.get();
        send(id, key, stagedAt);
        return result;
    }

    /** Sends the record's state now, with a mark in case the broker does not answer: for a change already written. */
    public boolean changed(String id, String key) {
        return send(id, key, mark(id, key));
    }

    private Instant mark(String id, String key) {
        Instant stagedAt = clock.instant();
        mongo.save(new Mark(id, key, stagedAt, tracing.current()), settings.collection());
        return stagedAt;
    }

    private boolean send(String id, String key, Instant stagedAt) {
        try {
            publisher.publish(id, key);
        }
        catch (RuntimeException ex) {
            log.warn("State of {} not sent yet ({}); the outbox relay will retry", id, ex.getMessage());
            return false;
        }
        try {
            unmark(id, stagedAt);
        }
        catch (DataAccessException ex) {
            log.warn("State of {} was sent but its mark stays ({}); the relay sends it again, which is harmless", id, ex.getMessage());
        }
        return true;
    }

    /** One pass of the relay over the marks old enough to be its business, oldest first; stops at the first refusal. */
    public Pass relay() {
        Query stale = Query.query(Criteria.where("stagedAt").lt(clock.instant().minus(settings.relayAfter())))
                .with(Sort.by("stagedAt")).limit(OutboxSettings.BATCH);
        List<Mark> marks = mongo.find(stale, Mark.class, settings.collection());
        int published = 0;
        for (Mark mark : marks) {
            try {
                // The state goes out in the trace of the change that marked it, not in the relay's own.
                tracing.run(mark.traceparent(), "outbox relay", () -> publisher.publish(mark.id(), mark.key()));
            }
            catch (RuntimeException ex) {
                log.warn("State of {} still not sent: {}", mark.id(), ex.getMessage());
                return new Pass(published, marks.size() - published);
            }
            unmark(mark.id(), mark.stagedAt());
            published++;
        }
        return new Pass(published, 0);
    }

    /** Removes the mark only if no later change has marked the record again since. */
    private void unmark(String id, Instant stagedAt) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("stagedAt").is(stagedAt)), Mark.class, settings.collection());
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
