package org.mhconnect.gateway.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.gateway.identity.account.PendingAnnouncement.Kind;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells the other services about accounts on {@code mhc.users}, keyed by user id, and never loses an announcement.
 * <p>
 * A sign-up, profile change or confirmed address is staged first ({@link PendingAnnouncement}), then written, then published, then
 * unstaged. When the broker cannot be reached the person's request still succeeds, and the staged entry stays:
 * {@link #announceOverdue()} publishes it again from the account as it is then, or drops it when the account was never
 * written (a taken e-mail, a crash before the insert) or is being deleted. Publishing waits for the broker's
 * acknowledgement off the event loop. A deletion request is announced again by the deletion itself until every service
 * has answered.
 */
@Component
public class AccountAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(AccountAnnouncements.class);

    /** How long a staged change may still be in the middle of its request before it counts as overdue. */
    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final EventPublisher publisher;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final EventTracing tracing;

    AccountAnnouncements(EventPublisher publisher, ReactiveMongoTemplate mongo, Clock clock, EventTracing tracing) {
        this.publisher = publisher;
        this.mongo = mongo;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Inserts the new account with {@code insert}, then announces {@code user.registered}. */
    public Mono<AccountDocument> registered(String userId, Mono<AccountDocument> insert) {
        return afterWriting(Kind.REGISTERED, userId, insert);
    }

    /** Saves the changed account with {@code save}, then announces {@code user.profile-changed}. */
    public Mono<AccountDocument> profileChanged(String userId, Mono<AccountDocument> save) {
        return afterWriting(Kind.PROFILE_CHANGED, userId, save);
    }

    /** Saves the account with its address confirmed, with {@code save}, then announces {@code user.email-verified}. */
    public Mono<AccountDocument> emailVerified(String userId, Mono<AccountDocument> save) {
        return afterWriting(Kind.EMAIL_VERIFIED, userId, save);
    }

    public Mono<Void> deletionRequested(String userId) {
        // map runs when the signal arrives, with the request's trace restored from the Reactor context.
        return Mono.just(userId).map(id -> Optional.ofNullable(tracing.current()))
                .flatMap(trace -> publish(new UserDeletionRequested(UUID.randomUUID(), clock.instant(), userId), trace.orElse(null)));
    }

    /**
     * Publishes every staged announcement older than {@link #SETTLE}, from the account as it is now, and unstages it.
     * Runs on every gateway instance; two announcing the same one publish the same event id twice, which consumers
     * already take in their stride (delivery is at least once).
     *
     * @return how many were published
     */
    public Mono<Long> announceOverdue() {
        Query overdue = Query.query(Criteria.where("stagedAt").lt(clock.instant().minus(SETTLE)));
        return mongo.find(overdue, PendingAnnouncement.class)
                .concatMap(pending -> mongo.findById(pending.userId(), AccountDocument.class)
                        .filter(account -> !account.pendingDeletion())
                        .flatMap(account -> publish(event(pending, account), pending.traceparent()).thenReturn(1L))
                        .defaultIfEmpty(0L)
                        .flatMap(published -> mongo.remove(pending).thenReturn(published)))
                .reduce(0L, Long::sum);
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void announceOverdueNow() {
        try {
            Long published = announceOverdue().block(Duration.ofMinutes(1));
            if (published != null && published > 0) {
                log.info("Announced {} account change(s) that had not reached Kafka", published);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not announce overdue account changes yet, will try again: {}", ex.getMessage());
        }
    }

    private Mono<AccountDocument> afterWriting(Kind kind, String userId, Mono<AccountDocument> write) {
        // map runs when the signal arrives, with the request's trace restored from the Reactor context.
        return Mono.just(userId).map(id -> new PendingAnnouncement(UUID.randomUUID().toString(), id, kind, clock.instant(),
                tracing.current())).flatMap(pending -> stagedThenWritten(pending, write));
    }

    private Mono<AccountDocument> stagedThenWritten(PendingAnnouncement pending, Mono<AccountDocument> write) {
        Kind kind = pending.kind();
        return mongo.insert(pending)
                .then(write.onErrorResume(DuplicateKeyException.class,
                        // Certainly not written (the e-mail is taken): nothing to announce.
                        ex -> mongo.remove(pending).then(Mono.error(ex))))
                .flatMap(account -> publish(event(pending, account), pending.traceparent())
                        .then(mongo.remove(pending))
                        .thenReturn(account)
                        .onErrorResume(ex -> {
                            log.warn("The {} event of an account did not reach Kafka; it will be announced again: {}",
                                    kind, ex.getMessage());
                            return Mono.just(account);
                        }));
    }

    private DomainEvent event(PendingAnnouncement pending, AccountDocument account) {
        UUID id = UUID.fromString(pending.id());
        Instant now = clock.instant();
        return switch (pending.kind()) {
            case REGISTERED -> new UserRegistered(id, now, account.id(), account.email(), account.displayName(),
                    account.timeZone(), account.locale(), account.isEmailVerified());
            case PROFILE_CHANGED -> new UserProfileChanged(id, now, account.id(), account.email(), account.displayName(),
                    account.timeZone(), account.locale());
            case EMAIL_VERIFIED -> new UserEmailVerified(id, now, account.id(), account.email());
        };
    }

    /** Publishes off the event loop, inside the given trace (a new one when it is {@code null}). */
    private Mono<Void> publish(DomainEvent event, String traceparent) {
        return Mono.<Void>fromRunnable(() -> tracing.run(traceparent, "announce account change",
                () -> publisher.publish(Topics.USERS, event))).subscribeOn(Schedulers.boundedElastic());
    }
}
