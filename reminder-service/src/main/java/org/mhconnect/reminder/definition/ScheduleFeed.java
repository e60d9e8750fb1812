package org.mhconnect.reminder.definition;

/** Hands every change of a reminder to the schedule engine. */
public interface ScheduleFeed {

    /** The reminder was made or changed (also stopped, resumed, snoozed or skipped). */
    void changed(ReminderDocument reminder);

    /** The reminder is gone. */
    void removed(ReminderDocument reminder);
}
