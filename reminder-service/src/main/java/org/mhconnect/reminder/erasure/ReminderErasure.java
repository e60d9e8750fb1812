package org.mhconnect.reminder.erasure;

/** Removes everything reminder-service holds for one person. */
public interface ReminderErasure {

    /** Deletes the person's documents and returns how many there were. */
    long eraseAllOf(String userId);
}
