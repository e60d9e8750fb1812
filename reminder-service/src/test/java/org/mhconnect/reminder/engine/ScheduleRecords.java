package org.mhconnect.reminder.engine;

import java.time.Instant;
import java.util.List;

/** A readable way to write the engine's {@link ScheduleRecord}s in tests: a reminder, then what differs. */
final class ScheduleRecords {

    static final String BERLIN = "Europe/Berlin";

    private String reminderId = "r-1";
    private String userId = "user-1";
    private String kind = "journal";
    private String rrule = "FREQ=DAILY";
    private String start = "2026-01-01T21:00";
    private String timeZone = BERLIN;
    private int graceMinutes = 60;
    private boolean active = true;
    private Instant skipThrough;
    private List<Instant> snoozes = List.of();
    private String quietStart;
    private String quietEnd;
    private String quietMode;
    private String quietZone;
    private Instant pausedUntil;
    private long version = 1;

    private ScheduleRecords() {
    }

    /** A reminder every day at a local time ({@code 21:00}) in Europe/Berlin, counted from 1 January 2026. */
    static ScheduleRecords dailyAt(String localTime) {
        ScheduleRecords reminder = new ScheduleRecords();
        reminder.start = "2026-01-01T" + localTime;
        return reminder;
    }

    ScheduleRecords id(String userId, String reminderId) {
        this.userId = userId;
        this.reminderId = reminderId;
        return this;
    }

    ScheduleRecords startingAt(String localDateTime) {
        this.start = localDateTime;
        return this;
    }

    ScheduleRecords rrule(String rrule) {
        this.rrule = rrule;
        return this;
    }

    ScheduleRecords graceMinutes(int minutes) {
        this.graceMinutes = minutes;
        return this;
    }

    ScheduleRecords stopped() {
        this.active = false;
        return this;
    }

    ScheduleRecords skipThrough(Instant instant) {
        this.skipThrough = instant;
        return this;
    }

    ScheduleRecords snoozedTo(Instant... instants) {
        this.snoozes = List.of(instants);
        return this;
    }

    ScheduleRecords quietHours(String start, String end, String mode) {
        this.quietStart = start;
        this.quietEnd = end;
        this.quietMode = mode;
        this.quietZone = BERLIN;
        return this;
    }

    ScheduleRecords pausedUntil(Instant instant) {
        this.pausedUntil = instant;
        return this;
    }

    ScheduleRecords version(long version) {
        this.version = version;
        return this;
    }

    String key() {
        return ScheduleRecord.key(userId, reminderId);
    }

    String userId() {
        return userId;
    }

    String reminderId() {
        return reminderId;
    }

    ScheduleRecord record() {
        return new ScheduleRecord(reminderId, userId, kind, rrule, start, timeZone, graceMinutes, active, skipThrough,
                snoozes, quietStart, quietEnd, quietMode, quietZone, pausedUntil, version);
    }
}
