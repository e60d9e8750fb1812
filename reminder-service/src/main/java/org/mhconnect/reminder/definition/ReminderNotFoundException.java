package org.mhconnect.reminder.definition;

/** No reminder with this id belongs to the caller: 404. */
public class ReminderNotFoundException extends RuntimeException {

    public ReminderNotFoundException() {
        super("Reminder not found");
    }
}
