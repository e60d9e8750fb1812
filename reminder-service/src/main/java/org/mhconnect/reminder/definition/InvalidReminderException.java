package org.mhconnect.reminder.definition;

/** A reminder request that cannot be carried out as it is: 400, naming the field. */
public class InvalidReminderException extends RuntimeException {

    private final String field;

    public InvalidReminderException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
