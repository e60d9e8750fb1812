package org.mhconnect.reminder.schedule;

/**
 * A schedule that cannot be kept. {@link #field()} names the input at fault: {@code rrule}, {@code start} or
 * {@code timeZone} of a {@link Schedule}, or {@code times} of a {@link FriendlySchedule}. {@link #reason()} says what
 * is wrong in plain English. Both are safe to show.
 */
public class InvalidScheduleException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidScheduleException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The input at fault, named as the reminder API names it. */
    public String field() {
        return field;
    }

    /** What is wrong with it, as one or two plain sentences. */
    public String reason() {
        return reason;
    }
}
