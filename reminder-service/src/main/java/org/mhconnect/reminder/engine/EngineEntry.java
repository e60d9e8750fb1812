package org.mhconnect.reminder.engine;

import java.time.Instant;

/**
 * One reminder in the engine's state store: its schedule, and its next occurrence.
 *
 * @param next          the instant the schedule asks for next; null when it has ended or is stopped
 * @param fireAt        when that occurrence is handled: {@code next}, or the end of quiet hours
 * @param snoozed       whether {@code next} comes from a snooze rather than the rule
 * @param lastScheduled the latest occurrence already handled; the next one is always after it
 */
record EngineEntry(ScheduleRecord schedule, Instant next, Instant fireAt, boolean snoozed, Instant lastScheduled) {
}
