package org.mhconnect.reminder.definition;

/**
 * What a reminder says, for a feature that shows it without sending it (the inbox keeps skipped occurrences).
 *
 * @param kind {@code journal}, {@code practice}, {@code check-in} or {@code custom}
 */
public record ReminderWords(String kind, String title, String message, String practiceSlug) {

    static ReminderWords of(ReminderDocument reminder) {
        return new ReminderWords(reminder.kind().wireName(), reminder.title(), reminder.message(), reminder.practiceSlug());
    }
}
