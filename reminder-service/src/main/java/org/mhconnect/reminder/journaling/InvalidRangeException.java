package org.mhconnect.reminder.journaling;

/** A date range a client asked for makes no sense. The message is safe to show. */
public class InvalidRangeException extends RuntimeException {

    public InvalidRangeException(String message) {
        super(message);
    }
}
