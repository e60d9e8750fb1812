package org.mhconnect.journal.accounts;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.journal.entry.WriterCountry;
import org.mhconnect.journal.erasure.AccountErasure;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What the journal hears of accounts on {@code mhc.users}: a deletion request erases the person's journal
 * ({@link AccountErasure}); a sign-up or profile change tells the writer's country, for support resources
 * ({@link WriterCountry}). If this service is down when something is said, it waits on Kafka until it is back.
 */
@Component
@KafkaListener(id = "journal-user-events", topics = Topics.USERS, groupId = "journal-service")
class UserEventsListener {

    private final AccountErasure erasure;
    private final WriterCountry countries;

    UserEventsListener(AccountErasure erasure, WriterCountry countries) {
        this.erasure = erasure;
        this.countries = countries;
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        erasure.erase(request.userId());
    }

    /** The profile's locale tells which country's support resources to offer. */
    @KafkaHandler
    void registered(UserRegistered registered) {
        if (!erasure.erased(registered.userId())) {
            countries.rememberLocale(registered.userId(), registered.locale());
        }
    }

    @KafkaHandler
    void profileChanged(UserProfileChanged changed) {
        if (!erasure.erased(changed.userId())) {
            countries.rememberLocale(changed.userId(), changed.locale());
        }
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Nothing else about accounts is the journal's concern.
    }
}
