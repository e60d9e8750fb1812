package org.mhconnect.content.recommendation;

/** An emotion that is not in the journal's vocabulary. */
public class UnknownEmotionException extends RuntimeException {

    UnknownEmotionException() {
        super("Unknown emotion");
    }
}
