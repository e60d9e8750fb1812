package org.mhconnect.reminder.definition;

import java.util.function.Supplier;

/** Hands every change of a reminder to the schedule engine. */
public interface ScheduleFeed {

    /**
     * Writes a change of the reminder so that the engine hears of it even if this process stops halfway: the reminder
     * is marked before {@code write} runs and its state is sent after.
     */
    <T> T change(String userId, String reminderId, Supplier<T> write);

    /** The reminder was made or changed (also stopped, resumed, snoozed or skipped), and the change is written. */
    void changed(ReminderDocument reminder);
}
