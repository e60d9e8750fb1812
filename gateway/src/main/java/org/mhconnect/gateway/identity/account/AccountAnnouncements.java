package org.mhconnect.gateway.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells the other services about accounts on {@code mhc.users}, keyed by user id, through the shared outbox
 * ({@code account_outbox}): the event is staged before the account is written, released after, and dropped when the
 * write fails (a taken e-mail, a changed version). When the broker cannot be reached the person's request still
 * succeeds, and the outbox's relay publishes the event later, in order with the account's other events and in the
 * trace of the request that made it. A deletion request is staged and released after the account is marked, and is
 * asked again by the deletion itself until every service has answered.
 * <p>
 * The outbox is blocking; every call to it runs on the bounded-elastic scheduler, never on the event loop.
 */
@Component
public class AccountAnnouncements {

    private final Outbox outbox;
    private final Clock clock;
    private final EventTracing tracing;

    AccountAnnouncements(Outbox outbox, Clock clock, EventTracing tracing) {
        this.outbox = outbox;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Inserts the new {@code account} with {@code insert}, announcing {@code user.registered}. */
    public Mono<AccountDocument> registered(AccountDocument account, Mono<AccountDocument> insert) {
        return around(account, insert, () -> registeredEvent(UUID.randomUUID(), clock.instant(), account));
    }

    /** Saves the {@code changed} account with {@code save}, announcing {@code user.profile-changed}. */
    public Mono<AccountDocument> profileChanged(AccountDocument changed, Mono<AccountDocument> save) {
        return around(changed, save, () -> profileChangedEvent(UUID.randomUUID(), clock.instant(), changed));
    }

    /** Saves the account with its address confirmed, with {@code save}, announcing {@code user.email-verified}. */
    public Mono<AccountDocument> emailVerified(AccountDocument verified, Mono<AccountDocument> save) {
        return around(verified, save, () -> emailVerifiedEvent(UUID.randomUUID(), clock.instant(), verified));
    }

    /** Announces {@code user.deletion-requested}, once the account is marked for deletion; again on each call. */
    public Mono<Void> deletionRequested(String userId) {
        DomainEvent event = new UserDeletionRequested(UUID.randomUUID(), clock.instant(), userId);
        String aggregateId = AccountChange.deletion(userId).aggregateId();
        return inRequestTrace(trace -> offTheEventLoop(trace, () -> {
            outbox.stage(Topics.USERS, userId, event, aggregateId);
            outbox.release(Topics.USERS, userId, event);
            return true;
        })).then();
    }

    static DomainEvent registeredEvent(UUID id, Instant at, AccountDocument account) {
        return new UserRegistered(id, at, account.id(), account.email(), account.displayName(), account.timeZone(),
                account.locale(), account.isEmailVerified());
    }

    static DomainEvent profileChangedEvent(UUID id, Instant at, AccountDocument account) {
        return new UserProfileChanged(id, at, account.id(), account.email(), account.displayName(), account.timeZone(),
                account.locale());
    }

    static DomainEvent emailVerifiedEvent(UUID id, Instant at, AccountDocument account) {
        return new UserEmailVerified(id, at, account.id(), account.email());
    }

    private Mono<AccountDocument> around(AccountDocument account, Mono<AccountDocument> write, Supplier<DomainEvent> events) {
        DomainEvent event = events.get();
        String aggregateId = AccountChange.writing(account).aggregateId();
        return inRequestTrace(trace -> offTheEventLoop(trace, () -> {
            outbox.stage(Topics.USERS, account.id(), event, aggregateId);
            return true;
        }).then(write.onErrorResume(ex -> offTheEventLoop(trace, () -> {
            // Certainly not written (the e-mail is taken, another change came first): nothing to announce.
            outbox.drop(event);
            return true;
        }).then(Mono.error(ex))))
                .flatMap(written -> offTheEventLoop(trace, () -> outbox.release(Topics.USERS, account.id(), event))
                        .thenReturn(written)));
    }

    /**
     * Reads the request's trace where it is known (handle runs with the trace restored from the Reactor context, also
     * with limited context propagation), then goes on with it; {@code null} when there is none.
     */
    private <T> Mono<T> inRequestTrace(java.util.function.Function<String, Mono<T>> then) {
        return Mono.just(Boolean.TRUE)
                .<Optional<String>>handle((signal, sink) -> sink.next(Optional.ofNullable(tracing.current())))
                .flatMap(trace -> then.apply(trace.orElse(null)));
    }

    /** Blocking outbox work on the bounded-elastic scheduler, inside the request's trace. */
    private <T> Mono<T> offTheEventLoop(String trace, Supplier<T> work) {
        return Mono.fromSupplier(() -> tracing.within(trace, "account outbox", work)).subscribeOn(Schedulers.boundedElastic());
    }
}
