package org.mhconnect.journal.entry;

/** The entry changed since the writer last read it. */
public class StaleVersionException extends RuntimeException {

    private final long current;

    StaleVersionException(long current) {
        super("The entry has changed since it was read");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
