package org.mhconnect.journal.erasure;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.journal.crypto.DataKeys;
import org.mhconnect.kafkaevents.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erases a person's journal when they delete their account, then confirms with {@code user.data-erased}. The
 * data key is destroyed first (crypto-shredding): from then on no copy of the entries, backups included, can be
 * read, even before the documents themselves are gone. Erasing what is already gone changes nothing, so a
 * redelivered request is harmless.
 */
@Component
public class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);
    static final String SERVICE = "journal-service";

    private final List<JournalErasure> erasures;
    private final DataKeys dataKeys;
    private final ErasedPeople erased;
    private final EventPublisher publisher;
    private final Clock clock;

    AccountErasure(List<JournalErasure> erasures, DataKeys dataKeys, ErasedPeople erased, EventPublisher publisher,
            Clock clock) {
        this.erasures = erasures;
        this.dataKeys = dataKeys;
        this.erased = erased;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Erases everything of the person's journal and says so on {@code mhc.erasures}. */
    public void erase(String userId) {
        // First close the door, then empty the room: no entry can slip in between.
        erased.remember(userId);
        dataKeys.destroy(userId);
        long documents = erasures.stream().mapToLong(erasure -> erasure.eraseAllOf(userId)).sum();
        log.info("Erased the journal of a deleted account ({} documents, data key destroyed)", documents);
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), userId, SERVICE));
    }

    /** Whether the person's account was deleted: then nothing new about them is kept. */
    public boolean erased(String userId) {
        return erased.contains(userId);
    }
}
