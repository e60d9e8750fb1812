package org.mhconnect.reminder.definition;

/**
 * A person removed one of their reminders (published in the application by {@link Reminders#delete}, after the
 * reminder is gone): what other features keep per reminder, such as its delivery history, goes with it.
 */
public record ReminderDeleted(String userId, String reminderId) {
}
