package org.mhconnect.reminder.skip;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When an occurrence is skipped, in the order the reasons are tried: the person paused their reminders; they chose
 * "skip next" (a snooze they asked for still comes); it falls in quiet hours whose mode is "skip"; or it is a
 * journaling reminder on a day they already wrote. The first three are known from the reminder and the person's
 * preferences, which the engine has; the last needs the journaled days, which only MongoDB has.
 *
 * @param skipThrough occurrences up to and including this instant are skipped ("skip next"); null when none
 * @param journaling  whether the reminder invites the person to write in their journal
 */
public record SkipRule(Personal personal, Instant skipThrough, boolean journaling) {

    public SkipRule {
        personal = personal == null ? Personal.NONE : personal;
    }

    /**
     * What is known ahead of the occurrence: paused, "skip next", quiet hours. The engine's rule.
     *
     * @param snoozed whether the occurrence is a snooze rather than one of the schedule's
     */
    public Optional<SkipReason> known(Instant at, boolean snoozed) {
        if (personal.pausedUntil() != null && at.isBefore(personal.pausedUntil())) {
            return Optional.of(SkipReason.PAUSED);
        }
        if (!snoozed && skipThrough != null && !at.isAfter(skipThrough)) {
            return Optional.of(SkipReason.SKIP_NEXT);
        }
        if (personal.quietHours() != null && personal.quietHours().skips() && personal.quietHours().contains(at)) {
            return Optional.of(SkipReason.QUIET_HOURS);
        }
        return Optional.empty();
    }

    /** A journaling reminder on a day the person already wrote (in the reminder's zone) is not needed. */
    public static Optional<SkipReason> journaled(boolean journaling, boolean journaledThatDay) {
        return journaling && journaledThatDay ? Optional.of(SkipReason.ALREADY_JOURNALED) : Optional.empty();
    }

    /** The whole rule: what the person is told about an occurrence still to come. */
    public Optional<SkipReason> of(Instant at, boolean snoozed, boolean journaledThatDay) {
        return known(at, snoozed).or(() -> journaled(journaling, journaledThatDay));
    }

    /**
     * The person's part of the rule.
     *
     * @param pausedUntil nothing scheduled before this instant is sent; null when not paused
     * @param quietHours  null when there are none
     */
    public record Personal(Instant pausedUntil, QuietHours quietHours) {

        public static final Personal NONE = new Personal(null, null);
    }

    /**
     * The person's preferences that the rule reads, as stored.
     *
     * @param timeZone    the person's zone; null when they have none
     * @param pausedUntil a local date such as {@code 2026-12-27}, or null
     * @param quietMode   {@code DELAY} or {@code SKIP}; null without quiet hours
     */
    public record Settings(String timeZone, String pausedUntil, String quietStart, String quietEnd, String quietMode) {

        /** No preferences yet: nothing paused, no quiet hours. */
        public static final Settings NONE = new Settings(null, null, null, null, null);

        /**
         * For a reminder in this zone: a pause ends when its local date starts, and quiet hours are read in the
         * person's zone, or the reminder's when the person has none.
         */
        public Personal in(String reminderZone) {
            String zone = timeZone == null ? reminderZone : timeZone;
            Instant paused = pausedUntil == null ? null
                    : java.time.LocalDate.parse(pausedUntil).atStartOfDay(ZoneId.of(zone)).toInstant();
            return new Personal(paused, quietStart == null || quietEnd == null || quietMode == null ? null
                    : new QuietHours(quietStart, quietEnd, quietMode, zone));
        }
    }

    /**
     * A local window such as 22:00 to 07:00, which may cross midnight.
     *
     * @param mode {@code DELAY} (an occurrence in it waits for its end) or {@code SKIP}
     */
    public record QuietHours(String start, String end, String mode, String zone) {

        public boolean skips() {
            return "SKIP".equals(mode);
        }

        public boolean delays() {
            return "DELAY".equals(mode);
        }

        /** Whether an instant falls in [start, end) in the window's zone. */
        public boolean contains(Instant at) {
            LocalTime time = at.atZone(ZoneId.of(zone)).toLocalTime();
            LocalTime from = LocalTime.parse(start);
            LocalTime until = LocalTime.parse(end);
            return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
                    : !time.isBefore(from) || time.isBefore(until);
        }
    }
}
