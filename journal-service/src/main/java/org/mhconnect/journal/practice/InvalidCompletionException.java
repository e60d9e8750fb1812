package org.mhconnect.journal.practice;

/** A completion that cannot have happened: in the future, or long before the service existed. */
public class InvalidCompletionException extends RuntimeException {

    InvalidCompletionException(String message) {
        super(message);
    }
}
