package org.mhconnect.events.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * An occurrence of a reminder has come: reminder-service's schedule engine emits one per occurrence, and its
 * dispatcher sends it (or records why not). Carries ids and times only; the words of the reminder stay in
 * reminder-service's database.
 *
 * @param eventId      derived from {@code occurrenceId}, so a re-emitted occurrence is recognisably the same
 * @param occurrenceId {@code <reminderId>@<scheduledAt>}: the same occurrence always has the same id
 * @param kind         {@code journal}, {@code practice}, {@code check-in} or {@code custom}
 * @param scheduledAt  the instant the schedule asked for
 * @param fireAt       when it is to reach the person: {@code scheduledAt}, or the end of their quiet hours
 * @param localDate    the day of the occurrence in the reminder's time zone
 * @param outcome      {@link Outcome}
 */
public record ReminderDue(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String occurrenceId,
        String reminderId,
        String kind,
        Instant scheduledAt,
        Instant fireAt,
        LocalDate localDate,
        String timeZone,
        Outcome outcome) implements DomainEvent {

    /** What the engine decided; only {@code DUE} is sent. */
    public enum Outcome {
        /** To be sent now. */
        DUE,
        /** Later than its grace period (the engine was down): recorded, never sent. */
        MISSED,
        /** Inside quiet hours whose mode is "skip". */
        SKIPPED_QUIET_HOURS,
        /** Reminders are paused until a later date. */
        SKIPPED_PAUSED,
        /** The person chose "skip next". */
        SKIPPED_NEXT
    }

    /** The id of one occurrence of a reminder. */
    public static String occurrenceId(String reminderId, Instant scheduledAt) {
        return reminderId + "@" + scheduledAt;
    }

    /** A UUID that is always the same for the same occurrence. */
    public static UUID eventIdOf(String occurrenceId) {
        return UUID.nameUUIDFromBytes(("reminder.due/" + occurrenceId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
