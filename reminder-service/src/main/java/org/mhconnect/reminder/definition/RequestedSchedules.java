package org.mhconnect.reminder.definition;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.mhconnect.reminder.schedule.FriendlySchedule;
import org.mhconnect.reminder.schedule.InvalidScheduleException;
import org.mhconnect.reminder.schedule.Schedule;

/** The schedule a reminder request describes: an RRULE from a local start, or times of day on some weekdays. */
final class RequestedSchedules {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    private RequestedSchedules() {
    }

    /** Checked; the friendly form becomes an RRULE counted from today in the schedule's zone. */
    static Schedule of(ReminderRequest.ScheduleRequest request, Clock clock) {
        boolean friendly = request.times() != null && !request.times().isEmpty();
        if (friendly == (request.rrule() != null && !request.rrule().isBlank())) {
            throw new InvalidScheduleException("rrule", "Give either an RRULE or times of day, not both and not neither.");
        }
        if (!friendly) {
            if (request.start() == null) {
                throw new InvalidScheduleException("start", "An RRULE needs the local date-time it starts from, such as 2026-12-01T21:00.");
            }
            return Schedule.parse(request.rrule(), request.start(), request.timeZone());
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : request.weekdays() == null ? Set.<String>of() : request.weekdays()) {
            days.add(WEEKDAYS.get(day));
        }
        String rrule = new FriendlySchedule(request.times().stream().map(LocalTime::parse).toList(), days).toRrule();
        String start = request.start() != null ? request.start() : today(request.timeZone(), clock) + "T00:00";
        return Schedule.parse(rrule, start, request.timeZone());
    }

    private static LocalDate today(String zone, Clock clock) {
        try {
            return LocalDate.now(clock.withZone(ZoneId.of(zone)));
        }
        catch (RuntimeException ex) {
            throw new InvalidScheduleException("timeZone", "'" + zone + "' is not a known IANA time zone, such as Europe/Berlin.");
        }
    }
}
