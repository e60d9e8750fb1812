package org.mhconnect.journal.checkin;

/** No check-in with this id belongs to the caller. Another person's check-in is reported the same way. */
public class CheckInNotFoundException extends RuntimeException {

    CheckInNotFoundException() {
        super("No such check-in");
    }
}
