package org.mhconnect.reminder.erasure;

/**
 * Removes everything one feature of reminder-service holds for one person. {@link AccountErasure} runs every one,
 * in their {@code @Order}: the deliveries first (they still read the person's reminders), then the reminders, the
 * inbox and the preferences; the rest after them.
 */
public interface ReminderErasure {

    /** Queued deliveries, histories and delivery records. */
    int DELIVERIES = 1;
    /** The reminders, with tombstones for the engine. */
    int REMINDERS = 2;
    /** The inbox. */
    int INBOX = 3;
    /** The preferences with the webhook. */
    int PREFERENCES = 4;

    /** Deletes the person's documents and returns how many there were. */
    long eraseAllOf(String userId);
}
