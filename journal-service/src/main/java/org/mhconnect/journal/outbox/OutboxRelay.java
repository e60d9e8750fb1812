package org.mhconnect.journal.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

import org.mhconnect.journal.JournalProperties;
import org.mhconnect.kafkaevents.EventNotPublishedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final AggregateExistence aggregates;
    private final JournalProperties properties;
    private final Clock clock;

    OutboxRelay(MongoTemplate mongo, EventOutbox outbox, AggregateExistence aggregates, JournalProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.aggregates = aggregates;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mhc.journal.outbox.relay-every:5s}", initialDelayString = "${mhc.journal.outbox.relay-every:5s}")
    void relay() {
        Instant cutoff = clock.instant().minus(properties.outbox().relayAfter());
        Query stale = Query.query(Criteria.where("stagedAt").lt(cutoff)).limit(500);
        for (OutboxDocument staged : mongo.find(stale, OutboxDocument.class)) {
            relayOne(staged, aggregates::exists);
        }
    }

    private void relayOne(OutboxDocument staged, Predicate<String> exists) {
        if (!exists.test(staged.aggregateId())) {
            // The change was never written (the process stopped before it): there is nothing to announce.
            outbox.drop(staged);
            log.info("Dropped staged event {}: its entry was never written", staged.eventId());
            return;
        }
        try {
            outbox.publishStaged(staged);
            log.info("Relayed staged event {}", staged.eventId());
        }
        catch (EventNotPublishedException ex) {
            log.warn("{}; will retry", ex.getMessage());
        }
    }
}
