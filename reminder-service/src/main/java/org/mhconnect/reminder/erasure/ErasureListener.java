package org.mhconnect.reminder.erasure;

import java.time.Clock;
import java.util.UUID;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.kafkaevents.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases what reminder-service holds for a person who deleted their account, then confirms with
 * {@code user.data-erased}. Idempotent; a request made while this service was down waits on Kafka.
 */
@Component
@KafkaListener(id = "reminder-user-events", topics = Topics.USERS, groupId = "reminder-service")
class ErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ErasureListener.class);
    static final String SERVICE = "reminder-service";

    private final java.util.List<ReminderErasure> erasures;
    private final EventPublisher publisher;
    private final org.mhconnect.reminder.preferences.UserEventsListener accounts;
    private final Clock clock;

    ErasureListener(java.util.List<ReminderErasure> erasures, EventPublisher publisher,
            org.mhconnect.reminder.preferences.UserEventsListener accounts, Clock clock) {
        this.clock = clock;
        this.erasures = erasures;
        this.publisher = publisher;
        this.accounts = accounts;
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        long removed = erasures.stream().mapToLong(erasure -> erasure.eraseAllOf(request.userId())).sum();
        log.info("Erased the reminder data of a deleted account ({} documents)", removed);
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), request.userId(), SERVICE));
    }

    @KafkaHandler
    void registered(org.mhconnect.events.user.UserRegistered event) {
        accounts.registered(event);
    }

    @KafkaHandler
    void profileChanged(org.mhconnect.events.user.UserProfileChanged event) {
        accounts.profileChanged(event);
    }

    @KafkaHandler
    void emailVerified(org.mhconnect.events.user.UserEmailVerified event) {
        accounts.emailVerified(event);
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Only the events above concern reminders.
    }
}
