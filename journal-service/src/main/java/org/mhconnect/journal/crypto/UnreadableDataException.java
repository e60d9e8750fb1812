package org.mhconnect.journal.crypto;

/**
 * Sealed data did not open: the wrong key, or data that was changed. The message never includes the data.
 */
public class UnreadableDataException extends RuntimeException {

    UnreadableDataException() {
        super("Sealed journal data could not be opened");
    }
}
