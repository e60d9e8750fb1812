package org.mhconnect.reminder.definition;

/** The person already has {@link Reminders#MAX_PER_PERSON} reminders: 409. */
public class TooManyRemindersException extends RuntimeException {

    public TooManyRemindersException() {
        super("Fifty reminders already");
    }
}
