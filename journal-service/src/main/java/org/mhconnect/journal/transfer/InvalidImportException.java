package org.mhconnect.journal.transfer;

/** An import that cannot be taken as it is; nothing of it was written. The message never quotes the entries. */
public class InvalidImportException extends RuntimeException {

    public InvalidImportException(String message) {
        super(message);
    }
}
