package org.mhconnect.reminder.preferences;

import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.springframework.stereotype.Component;

/**
 * Keeps preferences in step with the account: made on registration (address, whether it is confirmed yet, and zone;
 * no reminders), the address updated when it changes, and marked confirmed when the person follows the link mailed
 * at sign-up. Called by the service's one listener on {@code mhc.users}.
 */
@Component
public class UserEventsListener {

    private final Preferences preferences;

    UserEventsListener(Preferences preferences) {
        this.preferences = preferences;
    }

    public void registered(UserRegistered event) {
        preferences.registered(event.userId(), event.email(), event.timeZone(), event.emailVerified());
    }

    public void profileChanged(UserProfileChanged event) {
        preferences.profileChanged(event.userId(), event.email(), event.timeZone());
    }

    public void emailVerified(UserEmailVerified event) {
        preferences.emailVerified(event.userId(), event.email());
    }
}
