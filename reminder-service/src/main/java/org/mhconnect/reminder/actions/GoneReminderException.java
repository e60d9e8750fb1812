package org.mhconnect.reminder.actions;

/** The reminder an action link was for no longer exists: 410. */
public class GoneReminderException extends RuntimeException {

    GoneReminderException() {
        super("gone");
    }
}
