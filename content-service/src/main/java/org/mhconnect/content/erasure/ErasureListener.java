package org.mhconnect.content.erasure;

import java.time.Clock;
import java.util.UUID;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.kafkaevents.EventPublisher;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Answers a deletion request: erases the person's reactions (moving the counts back) and saved items, then
 * confirms with {@code user.data-erased}. Erasing what is already gone changes nothing, so a redelivered request
 * only confirms again, which the gateway treats as the same confirmation.
 */
@Component
@KafkaListener(id = "content-user-events", topics = Topics.USERS, groupId = "content-service")
class ErasureListener {

    static final String SERVICE = "content-service";

    private final EventPublisher publisher;
    private final java.util.List<ContentErasure> erasures;
    private final Clock clock;

    ErasureListener(EventPublisher publisher, java.util.List<ContentErasure> erasures, Clock clock) {
        this.clock = clock;
        this.publisher = publisher;
        this.erasures = erasures;
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        erasures.forEach(erasure -> erasure.eraseAllOf(request.userId()));
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), request.userId(), SERVICE));
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Registrations and profile changes are not content-service's concern.
    }
}
