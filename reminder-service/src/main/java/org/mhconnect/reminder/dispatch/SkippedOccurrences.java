package org.mhconnect.reminder.dispatch;

/** Where a skipped occurrence is kept for the person to see: the inbox, for reminders that go there. */
public interface SkippedOccurrences {

    /** Keeps it once: the same occurrence read twice is kept once. */
    void skipped(SkippedOccurrence occurrence);
}
