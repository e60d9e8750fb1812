package org.mhconnect.gateway.identity.account;

import java.time.Clock;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.kafkaevents.EventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells the other services about accounts on {@code mhc.users}, keyed by user id. Publishing waits for the
 * broker's acknowledgement off the event loop; a failure reaches the caller, who can try again.
 */
@Component
public class AccountAnnouncements {

    private final EventPublisher publisher;
    private final Clock clock;

    AccountAnnouncements(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Mono<Void> registered(AccountDocument account) {
        return publish(new UserRegistered(UUID.randomUUID(), clock.instant(), account.id(), account.email(),
                account.displayName(), account.timeZone(), account.locale()));
    }

    public Mono<Void> profileChanged(AccountDocument account) {
        return publish(new UserProfileChanged(UUID.randomUUID(), clock.instant(), account.id(), account.email(),
                account.displayName(), account.timeZone(), account.locale()));
    }

    public Mono<Void> deletionRequested(String userId) {
        return publish(new UserDeletionRequested(UUID.randomUUID(), clock.instant(), userId));
    }

    private Mono<Void> publish(DomainEvent event) {
        return Mono.<Void>fromRunnable(() -> publisher.publish(Topics.USERS, event)).subscribeOn(Schedulers.boundedElastic());
    }
}
