package org.mhconnect.gateway.identity.account;

import java.time.Clock;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.Topics;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves what gateways before the shared outbox left staged ({@code account_announcements}, {@link PendingAnnouncement})
 * into {@code account_outbox}, once at start, so an announcement pending across the upgrade is still made: from the
 * account as it is now, under its old event id and in its old trace. An account that is gone or being deleted needs
 * none. Instances starting together may both move one; the outbox's unique event id keeps it once.
 */
@Component
public class LegacyAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(LegacyAnnouncements.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final EventTracing tracing;
    private final Clock clock;

    LegacyAnnouncements(MongoTemplate mongo, Outbox outbox, EventTracing tracing, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.tracing = tracing;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void moveIntoTheOutbox() {
        try {
            int moved = 0;
            for (PendingAnnouncement pending : mongo.findAll(PendingAnnouncement.class)) {
                AccountDocument account = mongo.findById(pending.userId(), AccountDocument.class);
                if (account != null && !account.pendingDeletion()) {
                    DomainEvent event = eventOf(pending, account);
                    try {
                        tracing.run(pending.traceparent(), "move legacy announcement", () -> outbox.stage(Topics.USERS,
                                account.id(), event, new AccountChange(account.id(),
                                account.version() == null ? 0 : account.version()).aggregateId()));
                        moved++;
                    }
                    catch (DuplicateKeyException anotherInstanceMovedIt) {
                        // Staged once already.
                    }
                }
                mongo.remove(pending);
            }
            if (moved > 0) {
                log.info("Moved {} pending account announcement(s) into the outbox", moved);
            }
        }
        catch (RuntimeException ex) {
            // They stay where they are, and the next start moves them.
            log.warn("Could not move pending account announcements into the outbox yet: {}", ex.getMessage());
        }
    }

    private DomainEvent eventOf(PendingAnnouncement pending, AccountDocument account) {
        UUID id = UUID.fromString(pending.id());
        return switch (pending.kind()) {
            case REGISTERED -> AccountAnnouncements.registeredEvent(id, clock.instant(), account);
            case PROFILE_CHANGED -> AccountAnnouncements.profileChangedEvent(id, clock.instant(), account);
            case EMAIL_VERIFIED -> AccountAnnouncements.emailVerifiedEvent(id, clock.instant(), account);
        };
    }
}
