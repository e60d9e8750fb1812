package org.mhconnect.journal.erasure;

/** Removes everything the journal holds for one person. */
public interface JournalErasure {

    /** Deletes every entry of the person and returns how many there were. */
    long eraseAllOf(String userId);
}
