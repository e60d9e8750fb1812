package org.mhconnect.reminder.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mhconnect.events.reminder.ReminderDue.Outcome;
import org.mhconnect.reminder.schedule.Occurrence;
import org.mhconnect.reminder.schedule.Occurrences;
import org.mhconnect.reminder.schedule.Schedule;
import org.mhconnect.reminder.skip.SkipReason;
import org.mhconnect.reminder.skip.SkipRule;

/**
 * The engine's decisions, free of Kafka: when a reminder fires next, and what becomes of an occurrence when its time
 * comes. The recurrence itself comes from {@link Occurrences}, so the DST rules are the schedule package's.
 */
final class Planner {

    /** Parsed schedules by their text: reading and checking one costs tens of microseconds, many reminders share one. */
    private static final Map<String, Schedule> SCHEDULES = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Schedule> eldest) {
            return size() > 100_000;
        }
    });

    private Planner() {
    }

    /** The next occurrence strictly after {@code after}: the rule's or a snooze's, whichever comes first. */
    static EngineEntry plan(ScheduleRecord schedule, Instant after, Instant lastScheduled) {
        if (!schedule.active()) {
            return new EngineEntry(schedule, null, null, false, lastScheduled);
        }
        Optional<Instant> rule = Occurrences.firstAfter(schedule(schedule), after).map(Occurrence::at);
        Optional<Instant> snooze = schedule.snoozes().stream().filter(at -> at.isAfter(after)).min(Instant::compareTo);
        Instant next;
        boolean snoozed;
        if (snooze.isPresent() && (rule.isEmpty() || snooze.get().isBefore(rule.get()))) {
            next = snooze.get();
            snoozed = true;
        }
        else if (rule.isPresent()) {
            next = rule.get();
            snoozed = false;
        }
        else {
            return new EngineEntry(schedule, null, null, false, lastScheduled);
        }
        return new EngineEntry(schedule, next, fireAt(schedule, next), snoozed, lastScheduled);
    }

    /** What happens to the entry's occurrence when it is handled at {@code now}: the skip rule first, then the grace period. */
    static Outcome outcome(EngineEntry entry, Instant now) {
        ScheduleRecord schedule = entry.schedule();
        Optional<SkipReason> skipped = schedule.skipRule().known(entry.next(), entry.snoozed());
        if (skipped.isPresent()) {
            return skipped.get().outcome();
        }
        if (now.isAfter(entry.fireAt().plus(Duration.ofMinutes(schedule.graceMinutes())))) {
            return Outcome.MISSED;
        }
        return Outcome.DUE;
    }

    /** The occurrence itself, or, inside quiet hours whose mode is "delay", the moment they end. */
    static Instant fireAt(ScheduleRecord schedule, Instant next) {
        if (!"DELAY".equals(schedule.quietMode()) || !inQuietHours(schedule, next)) {
            return next;
        }
        ZoneId zone = ZoneId.of(schedule.quietZone());
        LocalDateTime local = next.atZone(zone).toLocalDateTime();
        LocalDateTime end = local.toLocalDate().atTime(LocalTime.parse(schedule.quietEnd()));
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        Instant ends = ZonedDateTime.ofLocal(end, zone, null).toInstant();
        return ends.isAfter(next) ? ends : next;
    }

    /** Whether an instant falls in the person's quiet hours, whatever their mode. */
    static boolean inQuietHours(ScheduleRecord schedule, Instant at) {
        SkipRule.QuietHours quiet = schedule.skipRule().personal().quietHours();
        return quiet != null && quiet.contains(at);
    }

    private static Schedule schedule(ScheduleRecord record) {
        String key = record.rrule() + "|" + record.start() + "|" + record.timeZone();
        Schedule cached = SCHEDULES.get(key);
        if (cached == null) {
            cached = Schedule.parse(record.rrule(), record.start(), record.timeZone());
            SCHEDULES.put(key, cached);
        }
        return cached;
    }
}
