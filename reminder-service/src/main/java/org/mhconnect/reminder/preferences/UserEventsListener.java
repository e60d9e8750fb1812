package org.mhconnect.reminder.preferences;

import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.springframework.stereotype.Component;

/**
 * Keeps preferences in step with the account: made on registration (address and zone, no reminders), the address
 * updated when it changes. Called by the service's one listener on {@code mhc.users}.
 */
@Component
public class UserEventsListener {

    private final Preferences preferences;

    UserEventsListener(Preferences preferences) {
        this.preferences = preferences;
    }

    public void registered(UserRegistered event) {
        preferences.registered(event.userId(), event.email(), event.timeZone());
    }

    public void profileChanged(UserProfileChanged event) {
        preferences.profileChanged(event.userId(), event.email(), event.timeZone());
    }
}
