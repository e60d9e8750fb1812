package org.mhconnect.content.saved;

/** A person may keep at most {@link SavedItems#MAX} saved items. */
public class TooManySavedItemsException extends RuntimeException {

    TooManySavedItemsException() {
        super("Too many saved items");
    }
}
