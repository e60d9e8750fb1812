package org.mhconnect.journal.entry;

/** A request that validation annotations cannot judge alone; the message is safe to show and never quotes text. */
public class InvalidEntryException extends RuntimeException {

    public InvalidEntryException(String message) {
        super(message);
    }
}
