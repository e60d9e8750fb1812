package org.mhconnect.reminder.engine;

import java.time.Instant;
import java.util.List;

import org.mhconnect.reminder.skip.SkipRule;

/**
 * What the engine needs to know about one reminder: the value of its record on the compacted
 * {@code mhc.reminders.schedules} topic. It joins the reminder with the person's preferences that change its timing
 * (quiet hours, pause), so the engine never reads MongoDB.
 *
 * @param active      false when stopped
 * @param skipThrough occurrences scheduled up to and including this instant are skipped ("skip next")
 * @param snoozes     one-off extra occurrences
 * @param quietStart  a local time such as {@code 22:00} in {@code quietZone}; null without quiet hours
 * @param quietMode   {@code DELAY} or {@code SKIP}
 * @param pausedUntil nothing scheduled before this instant is sent; null when not paused
 */
public record ScheduleRecord(
        String reminderId,
        String userId,
        String kind,
        String rrule,
        String start,
        String timeZone,
        int graceMinutes,
        boolean active,
        Instant skipThrough,
        List<Instant> snoozes,
        String quietStart,
        String quietEnd,
        String quietMode,
        String quietZone,
        Instant pausedUntil,
        long version) {

    public ScheduleRecord {
        snoozes = snoozes == null ? List.of() : List.copyOf(snoozes);
    }

    /** When its occurrences are skipped: the rule the API shows people too. */
    public SkipRule skipRule() {
        SkipRule.QuietHours quiet = quietStart == null || quietEnd == null ? null
                : new SkipRule.QuietHours(quietStart, quietEnd, quietMode, quietZone);
        return new SkipRule(new SkipRule.Personal(pausedUntil, quiet), skipThrough, "journal".equals(kind));
    }

    /** The record's key: one per reminder, so compaction keeps each reminder's latest state. */
    public static String key(String userId, String reminderId) {
        return userId + "/" + reminderId;
    }
}
