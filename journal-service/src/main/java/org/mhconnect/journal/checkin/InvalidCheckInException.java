package org.mhconnect.journal.checkin;

/** A check-in that cannot be scored. The message is safe to show. */
public class InvalidCheckInException extends RuntimeException {

    public InvalidCheckInException(String message) {
        super(message);
    }
}
