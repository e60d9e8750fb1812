package org.mhconnect.journal.entry;

/** No entry with this id belongs to the caller. Another person's entry is reported the same way. */
public class EntryNotFoundException extends RuntimeException {

    EntryNotFoundException() {
        super("No such journal entry");
    }
}
