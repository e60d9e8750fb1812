package org.mhconnect.journal.erasure;

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
 * Erases a person's journal when they delete their account, then confirms with {@code user.data-erased}.
 * Erasing what is already gone changes nothing, so a redelivered request is harmless. If this service is down
 * when the request is made, the request waits on Kafka until it is back.
 */
@Component
@KafkaListener(id = "journal-user-events", topics = Topics.USERS, groupId = "journal-service")
class ErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ErasureListener.class);
    static final String SERVICE = "journal-service";

    private final JournalErasure erasure;
    private final ErasedPeople erased;
    private final EventPublisher publisher;
    private final Clock clock;

    ErasureListener(JournalErasure erasure, ErasedPeople erased, EventPublisher publisher, Clock clock) {
        this.erasure = erasure;
        this.erased = erased;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        // First close the door, then empty the room: no entry can slip in between.
        erased.remember(request.userId());
        long entries = erasure.eraseAllOf(request.userId());
        log.info("Erased the journal of a deleted account ({} entries)", entries);
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), request.userId(), SERVICE));
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Registrations and profile changes are not the journal's concern.
    }
}
