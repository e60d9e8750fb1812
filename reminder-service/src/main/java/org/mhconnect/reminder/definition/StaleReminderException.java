package org.mhconnect.reminder.definition;

/** The reminder changed since the caller read it: 409 with the current version. */
public class StaleReminderException extends RuntimeException {

    private final long current;

    public StaleReminderException(long current) {
        super("The reminder is at version " + current);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
