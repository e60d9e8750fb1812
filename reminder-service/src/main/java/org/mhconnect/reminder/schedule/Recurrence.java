package org.mhconnect.reminder.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RRULE as lib-recur reads it, and its occurrences from a local start in a time zone.
 *
 * <p>lib-recur does the recurrence maths on a floating (zone-less) start, so the rule yields local date-times, which
 * {@link Occurrence#of} then places in the zone. Two things are taken out of lib-recur's hands:
 * <ul>
 *   <li>UNTIL. lib-recur refuses a UTC UNTIL with a floating start, and a DATE UNTIL with a DATE-TIME start in strict
 *       mode; and only here is the zone known that a UTC UNTIL must be compared in. It is removed from the rule and
 *       applied to the occurrences instead, see {@link Until}.</li>
 *   <li>Its giving up: an {@link IllegalArgumentException} ("too many empty recurrence sets") when 1,000 periods in
 *       a row hold no instance, as with {@code BYDAY=1MO;BYMONTHDAY=31}. That ends the occurrences; {@link Schedule}
 *       refuses a rule that ends so before it fires at all.</li>
 * </ul>
 * A new {@code Recurrence} is read for every use: lib-recur's rule is mutable, and reading one takes microseconds.
 */
final class Recurrence {

    static {
        // lib-recur's RecurrenceRule and RecurrenceRule.Part initialise each other. Touching Part first fails
        // ("Part not an enum") and leaves lib-recur unusable for the life of the JVM, so RecurrenceRule goes first.
        new RecurrenceRule(Freq.DAILY);
    }

    static final int MAX_LENGTH = 500;

    private static final Set<Freq> FREQUENCIES = Set.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY);

    /** Parts lib-recur knows that a schedule does not use. */
    private static final List<Part> UNSUPPORTED =
            List.of(Part.RSCALE, Part.SKIP, Part.BYMONTH, Part.BYWEEKNO, Part.BYYEARDAY, Part.BYSETPOS);

    private final RecurrenceRule rule;
    private final Until until;

    private Recurrence(RecurrenceRule rule, Until until) {
        this.rule = rule;
        this.until = until;
    }

    /** The rule as stored: trimmed, without an {@code RRULE:} prefix. */
    static String text(String rrule) {
        String text = rrule.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6).strip();
        }
        return text;
    }

    /**
     * Reads and checks a rule: one lib-recur reads in strict RFC 5545 mode (so a misspelt or out-of-range part is an
     * error, not silently dropped as in its default lax mode), with FREQ DAILY, WEEKLY or MONTHLY, no COUNT together
     * with UNTIL, no part but FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYHOUR, BYMINUTE, BYSECOND=0, COUNT, UNTIL and WKST.
     *
     * @throws InvalidScheduleException for field {@code rrule}
     */
    static Recurrence read(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            throw invalid("An RRULE is required, such as FREQ=DAILY;BYHOUR=8;BYMINUTE=0.");
        }
        if (rrule.length() > MAX_LENGTH) {
            throw invalid("An RRULE can be at most " + MAX_LENGTH + " characters long.");
        }
        String text = text(rrule);
        Set<String> names = partNames(text);
        if (names.contains("COUNT") && names.contains("UNTIL")) {
            // lib-recur would refuse it too, in words less plain.
            throw invalid("COUNT and UNTIL cannot both be given; end the schedule with one of them.");
        }
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(text, RfcMode.RFC5545_STRICT);
        }
        catch (InvalidRecurrenceRuleException | RuntimeException unreadable) {
            throw invalid("RRULE could not be read: " + unreadable.getMessage());
        }
        if (!FREQUENCIES.contains(rule.getFreq())) {
            throw invalid("FREQ must be DAILY, WEEKLY or MONTHLY.");
        }
        for (Part part : UNSUPPORTED) {
            if (rule.hasPart(part)) {
                throw invalid(part + " is not supported. A schedule can use FREQ, INTERVAL, BYDAY, BYMONTHDAY, "
                        + "BYHOUR, BYMINUTE, COUNT, UNTIL and WKST.");
            }
        }
        if (rule.hasPart(Part.BYSECOND) && !rule.getByPart(Part.BYSECOND).equals(List.of(0))) {
            throw invalid("BYSECOND can only be 0: reminders fire on whole minutes.");
        }
        DateTime until = rule.getUntil();
        if (until != null) {
            rule.setUntil(null);
        }
        return new Recurrence(rule, until == null ? null : Until.of(until));
    }

    /** The rule as lib-recur read it, without its UNTIL. */
    RecurrenceRule rule() {
        return rule;
    }

    /** Whether the rule ends, by COUNT or UNTIL. */
    boolean ends() {
        return until != null || rule.getCount() != null;
    }

    /**
     * The occurrences from {@code start}, in the order of their scheduled local times, which is the order of their
     * instants except around a spring-forward gap (see {@link Occurrences}). The start itself is one only if the rule
     * matches it; COUNT counts from the first that is.
     *
     * @param skipTo a local date-time to skip ahead to, or null; occurrences scheduled before it may be left out
     */
    Iterator<Occurrence> occurrences(LocalDateTime start, ZoneId zone, LocalDateTime skipTo) {
        return new Expansion(start, zone, skipTo);
    }

    private static Set<String> partNames(String text) {
        Set<String> names = new HashSet<>();
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            names.add((equals < 0 ? part : part.substring(0, equals)).strip().toUpperCase(Locale.ROOT));
        }
        return names;
    }

    private static InvalidScheduleException invalid(String reason) {
        return new InvalidScheduleException("rrule", reason);
    }

    /** A floating lib-recur date-time; lib-recur counts months from 0. */
    private static DateTime toFloating(LocalDateTime time) {
        return new DateTime(time.getYear(), time.getMonthValue() - 1, time.getDayOfMonth(), time.getHour(),
                time.getMinute(), time.getSecond());
    }

    private static LocalDateTime toLocal(DateTime time) {
        return LocalDateTime.of(time.getYear(), time.getMonth() + 1, time.getDayOfMonth(), time.getHours(),
                time.getMinutes(), time.getSeconds());
    }

    /**
     * The last moment a schedule may fire, as RFC 5545 reads an UNTIL whose DTSTART has a time zone:
     * <ul>
     *   <li>a UTC value ({@code 20270103T070000Z}, the form RFC 5545 requires there) bounds the instant an occurrence
     *       fires at;</li>
     *   <li>a local value ({@code 20270103T080000}) bounds the scheduled local time, in the schedule's zone;</li>
     *   <li>a date ({@code 20270103}) is its whole local day.</li>
     * </ul>
     * All are inclusive.
     *
     * @param utc   the last instant, for a UTC value; otherwise null
     * @param local the last scheduled local date-time, for a local value or a date; otherwise null
     */
    private record Until(Instant utc, LocalDateTime local) {

        static Until of(DateTime until) {
            if (until.isAllDay()) {
                LocalDate day = LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth());
                return new Until(null, day.atTime(LocalTime.MAX));
            }
            if (until.isFloating()) {
                return new Until(null, toLocal(until));
            }
            return new Until(Instant.ofEpochMilli(until.getTimestamp()), null);
        }

        boolean permits(Occurrence occurrence) {
            return utc != null ? !occurrence.at().isAfter(utc) : !occurrence.scheduledLocal().isAfter(local);
        }

        /**
         * Whether this and every later scheduled time is past the end. For a UTC value, two days past it in local
         * terms: an instant is never more than a day's offset change away from its local time, and a time in a gap
         * can fire after one scheduled later, so nothing is concluded from the first occurrence past the end.
         */
        boolean over(LocalDateTime scheduled, ZoneId zone) {
            LocalDateTime last = utc != null ? utc.atZone(zone).toLocalDateTime().plusDays(2) : local;
            return scheduled.isAfter(last);
        }
    }

    /** lib-recur's local date-times as occurrences, within UNTIL, with one looked up ahead. */
    private final class Expansion implements Iterator<Occurrence> {

        private final ZoneId zone;
        private RecurrenceRuleIterator instances;
        private Occurrence next;

        Expansion(LocalDateTime start, ZoneId zone, LocalDateTime skipTo) {
            this.zone = zone;
            try {
                instances = rule.iterator(toFloating(start));
                if (skipTo != null && skipTo.isAfter(start)) {
                    instances.fastForward(toFloating(skipTo));
                }
            }
            catch (IllegalArgumentException noMoreInstances) {
                instances = null;
            }
            next = fetch();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Occurrence next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Occurrence current = next;
            next = fetch();
            return current;
        }

        private Occurrence fetch() {
            try {
                while (instances != null && instances.hasNext()) {
                    LocalDateTime scheduled = toLocal(instances.nextDateTime());
                    if (until != null && until.over(scheduled, zone)) {
                        break;
                    }
                    Occurrence occurrence = Occurrence.of(scheduled, zone);
                    if (until == null || until.permits(occurrence)) {
                        return occurrence;
                    }
                }
            }
            catch (IllegalArgumentException noMoreInstances) {
                // lib-recur found no instance in 1,000 periods in a row: the rule has nothing more to give.
            }
            instances = null;
            return null;
        }
    }
}
