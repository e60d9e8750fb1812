package org.mhconnect.reminder.dispatch;

import java.time.Instant;

import org.mhconnect.reminder.definition.ReminderWords;
import org.mhconnect.reminder.skip.SkipReason;

/** An occurrence that was not sent, and why: what the inbox keeps of it (no links, since nothing arrived). */
public record SkippedOccurrence(String userId, String occurrenceId, String reminderId, ReminderWords words,
        Instant scheduledAt, SkipReason reason) {
}
