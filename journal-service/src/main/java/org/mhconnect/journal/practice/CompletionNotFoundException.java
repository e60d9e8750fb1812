package org.mhconnect.journal.practice;

/** No completion with this id belongs to the caller. Another person's is reported the same way. */
public class CompletionNotFoundException extends RuntimeException {

    CompletionNotFoundException() {
        super("No such completion");
    }
}
