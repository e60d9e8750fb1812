package org.mhconnect.journal.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.mhconnect.journal.JournalProperties;
import org.mhconnect.kafkaevents.EventNotPublishedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes staged events that a request could not release: the broker was away, or the process stopped
 * between writing and publishing. Runs every few seconds on every instance; publishing the same event twice
 * is harmless because consumers are idempotent by event and aggregate id.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final List<AggregateExistence> aggregates;
    private final JournalProperties properties;
    private final Clock clock;

    OutboxRelay(MongoTemplate mongo, EventOutbox outbox, List<AggregateExistence> aggregates, JournalProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.aggregates = aggregates;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mhc.journal.outbox.relay-every:5s}", initialDelayString = "${mhc.journal.outbox.relay-every:5s}")
    void relay() {
        Instant now = clock.instant();
        Query stale = Query.query(Criteria.where("stagedAt").lt(now.minus(properties.outbox().relayAfter()))).limit(500);
        Instant abandoned = now.minus(properties.outbox().abandonAfter());
        for (OutboxDocument staged : mongo.find(stale, OutboxDocument.class)) {
            relayOne(staged, id -> aggregates.stream().anyMatch(aggregate -> aggregate.exists(id)), staged.stagedAt().isBefore(abandoned));
        }
    }

    private void relayOne(OutboxDocument staged, Predicate<String> exists, boolean abandoned) {
        if (!exists.test(staged.aggregateId())) {
            if (!abandoned) {
                return;
            }
            // The change was never written (the process stopped before it): there is nothing to announce.
            outbox.drop(staged);
            log.info("Dropped staged event {}: its entry was never written", staged.eventId());
            return;
        }
        try {
            outbox.publishStaged(staged);
            log.info("Relayed staged event {}", staged.eventId());
        }
        catch (EventNotPublishedException | DataAccessException ex) {
            // Either still staged (retried next run) or published but still staged (republished, harmless).
            log.warn("Staged event {} not relayed yet: {}", staged.eventId(), ex.getMessage());
        }
    }
}
