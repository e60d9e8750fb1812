package org.mhconnect.journal.erasure;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.journal.crypto.DataKeys;
import org.mhconnect.journal.entry.WriterCountry;
import org.mhconnect.kafkaevents.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erases a person's journal when they delete their account, then confirms with {@code user.data-erased}. The
 * data key is destroyed first (crypto-shredding): from then on no copy of the entries, backups included, can be
 * read, even before the documents themselves are gone.
 * Erasing what is already gone changes nothing, so a redelivered request is harmless. If this service is down
 * when the request is made, the request waits on Kafka until it is back.
 */
@Component
@KafkaListener(id = "journal-user-events", topics = Topics.USERS, groupId = "journal-service")
class ErasureListener {

    private static final Logger log = LoggerFactory.getLogger(ErasureListener.class);
    static final String SERVICE = "journal-service";

    private final List<JournalErasure> erasures;
    private final DataKeys dataKeys;
    private final WriterCountry countries;
    private final ErasedPeople erased;
    private final EventPublisher publisher;
    private final Clock clock;

    ErasureListener(List<JournalErasure> erasures, DataKeys dataKeys, WriterCountry countries, ErasedPeople erased,
            EventPublisher publisher, Clock clock) {
        this.erasures = erasures;
        this.dataKeys = dataKeys;
        this.countries = countries;
        this.erased = erased;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        // First close the door, then empty the room: no entry can slip in between.
        erased.remember(request.userId());
        dataKeys.destroy(request.userId());
        long documents = erasures.stream().mapToLong(erasure -> erasure.eraseAllOf(request.userId())).sum();
        log.info("Erased the journal of a deleted account ({} documents, data key destroyed)", documents);
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), request.userId(), SERVICE));
    }

    /** The profile's locale tells which country's support resources to offer. */
    @KafkaHandler
    void registered(UserRegistered registered) {
        if (!erased.contains(registered.userId())) {
            countries.rememberLocale(registered.userId(), registered.locale());
        }
    }

    @KafkaHandler
    void profileChanged(UserProfileChanged changed) {
        if (!erased.contains(changed.userId())) {
            countries.rememberLocale(changed.userId(), changed.locale());
        }
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Nothing else about accounts is the journal's concern.
    }
}
