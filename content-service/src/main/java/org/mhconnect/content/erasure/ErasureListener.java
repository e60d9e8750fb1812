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
 * Answers a deletion request. content-service holds no personal data yet (reactions and saved items arrive with
 * the library work, and will be erased here), so it confirms at once. A redelivered request confirms again,
 * which the gateway treats as the same confirmation.
 */
@Component
@KafkaListener(id = "content-user-events", topics = Topics.USERS, groupId = "content-service")
class ErasureListener {

    static final String SERVICE = "content-service";

    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    ErasureListener(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), request.userId(), SERVICE));
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Registrations and profile changes are not content-service's concern.
    }
}
