package org.mhconnect.reminder.accounts;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.reminder.erasure.AccountErasure;
import org.mhconnect.reminder.preferences.Preferences;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * reminder-service's one listener on {@code mhc.users}. Preferences follow the account: made on registration
 * (address, whether it is confirmed yet, and zone; no reminders), the address updated when it changes, and marked
 * confirmed when the person follows the link mailed at sign-up. A deletion request erases everything
 * ({@link AccountErasure}); one made while this service was down waits on Kafka.
 */
@Component
@KafkaListener(id = "reminder-user-events", topics = Topics.USERS, groupId = "reminder-service")
class UserEventsListener {

    private final Preferences preferences;
    private final AccountErasure erasure;

    UserEventsListener(Preferences preferences, AccountErasure erasure) {
        this.preferences = preferences;
        this.erasure = erasure;
    }

    @KafkaHandler
    void registered(UserRegistered event) {
        preferences.registered(event.userId(), event.email(), event.timeZone(), event.emailVerified());
    }

    @KafkaHandler
    void profileChanged(UserProfileChanged event) {
        preferences.profileChanged(event.userId(), event.email(), event.timeZone());
    }

    @KafkaHandler
    void emailVerified(UserEmailVerified event) {
        preferences.emailVerified(event.userId(), event.email());
    }

    @KafkaHandler
    void deletionRequested(UserDeletionRequested request) {
        erasure.erase(request.userId());
    }

    @KafkaHandler(isDefault = true)
    void otherUserEvent(Object event) {
        // Only the events above concern reminders.
    }
}
