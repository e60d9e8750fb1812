package org.mhconnect.reminder.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

import org.mhconnect.timezones.TimeZones;

/**
 * When a reminder fires: an RFC 5545 RRULE, counted from a local start date-time in an IANA time zone. A schedule is
 * checked when it is made, so every {@code Schedule} can be kept; {@link Occurrences} says when it fires.
 *
 * <p>The rule may use:
 * <ul>
 *   <li>{@code FREQ} DAILY, WEEKLY or MONTHLY, and {@code INTERVAL};</li>
 *   <li>{@code BYDAY}, in monthly rules also with an ordinal ({@code 1MO} is the first Monday, {@code -1FR} the last
 *       Friday); {@code BYMONTHDAY}, where a day a month lacks is skipped (31 fires in the months that have one);
 *       {@code BYHOUR} and {@code BYMINUTE}, which combine as every hour with every minute; {@code BYSECOND=0};</li>
 *   <li>{@code COUNT} or {@code UNTIL}, not both; {@code WKST}.</li>
 * </ul>
 * What the rule leaves open comes from the start, as RFC 5545 takes it from DTSTART: the minute when there is no
 * BYMINUTE, the weekday of a weekly rule without BYDAY, and so on. The start fires only if the rule matches it
 * ({@code FREQ=WEEKLY;BYDAY=MO} from a Thursday first fires on the Monday after), and COUNT counts what fires.
 *
 * <p>UNTIL is inclusive. A UTC value ({@code UNTIL=20270103T070000Z}, the form RFC 5545 requires when the start has a
 * time zone) is compared with the instant an occurrence fires at; a local value ({@code UNTIL=20270103T080000}) with
 * the scheduled local time; a date ({@code UNTIL=20270103}) covers that whole local day.
 *
 * <p>A reminder never fires more often than once every {@link #MINIMUM_SPACING 15 minutes}. This is checked on the
 * scheduled local times of the first 400 occurrences, or of two years, whichever ends first: enough to see every
 * pattern of times within a day, and from one day to the next, without expanding a rule for long.
 *
 * @param rrule the rule, without an {@code RRULE:} prefix (one given is removed) and at most 500 characters long
 * @param start the local date-time the rule counts from, on a whole minute, in the years 1900 to 2999
 * @param zone  an IANA region id such as {@code Europe/Berlin}; fixed offsets such as {@code +02:00} are refused, as
 *              they would ignore daylight saving
 */
public record Schedule(String rrule, LocalDateTime start, ZoneId zone) {

    /** The shortest time between two occurrences of one schedule. */
    public static final Duration MINIMUM_SPACING = Duration.ofMinutes(15);

    private static final int SPACING_CHECK_OCCURRENCES = 400;
    private static final int SPACING_CHECK_YEARS = 2;

    /** @throws InvalidScheduleException for the first of rrule, start and zone that is not right */
    public Schedule {
        Recurrence recurrence = Recurrence.read(rrule);
        rrule = Recurrence.text(rrule);
        checkStart(start);
        zone = checkZone(zone);
        checkOccurrences(recurrence, start, zone);
    }

    /**
     * A schedule from what a client sent: an RRULE, with or without {@code RRULE:}; a local date-time such as
     * {@code 2026-03-01T08:00}; and an IANA time zone id.
     *
     * @throws InvalidScheduleException naming the field {@code rrule}, {@code start} or {@code timeZone}, the first of
     *                                  them in that order that is not right
     */
    public static Schedule parse(String rrule, String start, String zone) {
        Recurrence.read(rrule); // so a bad rule is reported before a bad start, as the form asks for them
        return new Schedule(rrule, parseStart(start), parseZone(zone));
    }

    private static LocalDateTime parseStart(String start) {
        if (start == null || start.isBlank()) {
            throw new InvalidScheduleException("start", "A start date-time is required, such as 2026-03-01T08:00.");
        }
        try {
            return LocalDateTime.parse(start.strip());
        }
        catch (DateTimeParseException notLocal) {
            throw new InvalidScheduleException("start",
                    "Not a local date-time such as 2026-03-01T08:00 (without an offset or time zone).");
        }
    }

    private static ZoneId parseZone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidScheduleException("timeZone", "A time zone is required, such as Europe/Berlin.");
        }
        return TimeZones.region(zone).orElseThrow(
                () -> new InvalidScheduleException("timeZone", "Not a known IANA time zone, such as Europe/Berlin."));
    }

    private static void checkStart(LocalDateTime start) {
        if (start == null) {
            throw new InvalidScheduleException("start", "A start date-time is required, such as 2026-03-01T08:00.");
        }
        if (start.getSecond() != 0 || start.getNano() != 0) {
            throw new InvalidScheduleException("start", "The start must be on a whole minute, without seconds.");
        }
        if (start.getYear() < 1900 || start.getYear() > 2999) {
            throw new InvalidScheduleException("start", "The start must be in the years 1900 to 2999.");
        }
    }

    /** The zone under its current name ({@link TimeZones}); fixed offsets and unknown zones are refused. */
    private static ZoneId checkZone(ZoneId zone) {
        if (zone == null) {
            throw new InvalidScheduleException("timeZone", "A time zone is required, such as Europe/Berlin.");
        }
        return TimeZones.region(zone.getId()).orElseThrow(
                () -> new InvalidScheduleException("timeZone", "Not a known IANA time zone, such as Europe/Berlin."));
    }

    /** That the schedule fires at all, and never within 15 minutes of its last time. */
    private static void checkOccurrences(Recurrence recurrence, LocalDateTime start, ZoneId zone) {
        Iterator<Occurrence> occurrences = recurrence.occurrences(start, zone, null);
        if (!occurrences.hasNext()) {
            throw new InvalidScheduleException("rrule", "This RRULE never fires on or after the start. "
                    + "Check UNTIL, and that its BYDAY and BYMONTHDAY can fall on the same day.");
        }
        LocalDateTime horizon = start.plusYears(SPACING_CHECK_YEARS);
        LocalDateTime previous = occurrences.next().scheduledLocal();
        for (int checked = 1; checked < SPACING_CHECK_OCCURRENCES && occurrences.hasNext(); checked++) {
            LocalDateTime current = occurrences.next().scheduledLocal();
            if (Duration.between(previous, current).compareTo(MINIMUM_SPACING) < 0) {
                throw new InvalidScheduleException("rrule", "A reminder can fire at most once every 15 minutes, "
                        + "but this RRULE fires at " + previous + " and again at " + current + ".");
            }
            if (current.isAfter(horizon)) {
                return;
            }
            previous = current;
        }
    }
}
