package org.mhconnect.journal.erasure;

/** Removes everything the journal holds for one person. */
public interface JournalErasure {

    /** Deletes everything of this kind the person has and returns how many documents there were. */
    long eraseAllOf(String userId);
}
