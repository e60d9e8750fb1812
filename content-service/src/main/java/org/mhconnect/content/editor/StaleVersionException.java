package org.mhconnect.content.editor;

/** The item changed since the editor read it: 409 with the version it has now. */
public class StaleVersionException extends RuntimeException {

    private final long current;

    StaleVersionException(long current) {
        super("The item is at version " + current);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
