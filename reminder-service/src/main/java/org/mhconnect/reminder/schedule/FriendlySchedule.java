package org.mhconnect.reminder.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;

/**
 * The schedules the reminder form shows: some times of day, every day or on chosen weekdays. {@link #toRrule()}
 * writes one as a single RRULE; {@link #from(String)} reads one back for editing.
 *
 * <p>An RRULE combines every BYHOUR with every BYMINUTE: {@code BYHOUR=8,21;BYMINUTE=0,30} fires at 08:00, 08:30,
 * 21:00 and 21:30. So times make one rule only when they are every such combination of their hours and minutes;
 * 08:15 with 21:40 would also fire at 08:40 and 21:15, and is refused rather than quietly widened.
 *
 * @param times    1 to {@value #MAX_TIMES} times of day on whole minutes, at least 15 minutes apart (also from the
 *                 last time of one day to the first of the next, when it fires on both); kept sorted, each once
 * @param weekdays the days it fires on; none, like all seven, means every day, and is kept as none
 */
public record FriendlySchedule(List<LocalTime> times, Set<DayOfWeek> weekdays) {

    /** The most times of day one schedule has. */
    public static final int MAX_TIMES = 12;

    /** @throws InvalidScheduleException for field {@code times} */
    public FriendlySchedule {
        Objects.requireNonNull(weekdays, "weekdays");
        weekdays = weekdays.isEmpty() || weekdays.size() == DayOfWeek.values().length
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        times = checkTimes(times, weekdays);
    }

    /**
     * The schedule as an RRULE, such as {@code FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=21;BYMINUTE=0} or
     * {@code FREQ=DAILY;BYHOUR=8,21;BYMINUTE=0}. Its seconds come from the start, which a {@link Schedule} keeps on
     * a whole minute.
     */
    public String toRrule() {
        StringBuilder rrule = new StringBuilder();
        if (weekdays.isEmpty()) {
            rrule.append("FREQ=DAILY");
        }
        else {
            rrule.append("FREQ=WEEKLY;BYDAY=")
                    .append(weekdays.stream().map(day -> day.name().substring(0, 2)).collect(Collectors.joining(",")));
        }
        return rrule.append(";BYHOUR=").append(join(hours(times)))
                .append(";BYMINUTE=").append(join(minutes(times)))
                .toString();
    }

    /**
     * The friendly form of an RRULE, if it has one: DAILY, or WEEKLY with BYDAY; no INTERVAL but 1, no COUNT, UNTIL
     * or BYMONTHDAY; BYHOUR and BYMINUTE both given (else the time of day comes from the start); and times that make
     * a friendly schedule. A DAILY rule with BYDAY counts, as it fires on those weekdays. Empty for any other rule,
     * including one that cannot be read.
     */
    public static Optional<FriendlySchedule> from(String rrule) {
        RecurrenceRule rule;
        try {
            Recurrence recurrence = Recurrence.read(rrule);
            if (recurrence.ends()) {
                return Optional.empty();
            }
            rule = recurrence.rule();
        }
        catch (InvalidScheduleException notARule) {
            return Optional.empty();
        }
        boolean daily = rule.getFreq() == Freq.DAILY;
        boolean weekly = rule.getFreq() == Freq.WEEKLY && rule.hasPart(Part.BYDAY);
        if (!(daily || weekly) || rule.getInterval() != 1 || rule.hasPart(Part.BYMONTHDAY)
                || !rule.hasPart(Part.BYHOUR) || !rule.hasPart(Part.BYMINUTE)) {
            return Optional.empty();
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        if (rule.hasPart(Part.BYDAY)) {
            for (RecurrenceRule.WeekdayNum day : rule.getByDayPart()) {
                if (day.pos != 0) {
                    return Optional.empty();
                }
                weekdays.add(dayOfWeek(day.weekday));
            }
        }
        List<LocalTime> times = new ArrayList<>();
        for (int hour : rule.getByPart(Part.BYHOUR)) {
            for (int minute : rule.getByPart(Part.BYMINUTE)) {
                times.add(LocalTime.of(hour, minute));
            }
        }
        try {
            return Optional.of(new FriendlySchedule(times, weekdays));
        }
        catch (InvalidScheduleException notFriendly) {
            return Optional.empty();
        }
    }

    private static List<LocalTime> checkTimes(List<LocalTime> times, Set<DayOfWeek> weekdays) {
        if (times == null || times.isEmpty()) {
            throw invalid("Choose at least one time of day.");
        }
        SortedSet<LocalTime> sorted = new TreeSet<>();
        for (LocalTime time : times) {
            Objects.requireNonNull(time, "time");
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw invalid("Times must be whole minutes, such as 08:15, without seconds.");
            }
            sorted.add(time);
        }
        if (sorted.size() > MAX_TIMES) {
            throw invalid("Choose at most " + MAX_TIMES + " times of day.");
        }
        List<LocalTime> missing = new ArrayList<>();
        for (int hour : hours(sorted)) {
            for (int minute : minutes(sorted)) {
                if (!sorted.contains(LocalTime.of(hour, minute))) {
                    missing.add(LocalTime.of(hour, minute));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw invalid("These times cannot be one schedule, which would also fire at " + list(missing)
                    + ". Use the same minutes past the hour for every hour, such as 08:15 and 21:15.");
        }
        LocalTime previous = null;
        for (LocalTime time : sorted) {
            if (previous != null && Duration.between(previous, time).compareTo(Schedule.MINIMUM_SPACING) < 0) {
                throw invalid("Times must be at least 15 minutes apart; " + previous + " and " + time + " are not.");
            }
            previous = time;
        }
        boolean onFollowingDays =
                weekdays.isEmpty() || weekdays.stream().anyMatch(day -> weekdays.contains(day.plus(1)));
        Duration overnight = Duration.between(sorted.last(), sorted.first()).plusDays(1);
        if (sorted.size() > 1 && onFollowingDays && overnight.compareTo(Schedule.MINIMUM_SPACING) < 0) {
            throw invalid("Times must be at least 15 minutes apart, also overnight; " + sorted.last() + " and "
                    + sorted.first() + " the next day are not.");
        }
        return List.copyOf(sorted);
    }

    private static SortedSet<Integer> hours(Iterable<LocalTime> times) {
        SortedSet<Integer> hours = new TreeSet<>();
        times.forEach(time -> hours.add(time.getHour()));
        return hours;
    }

    private static SortedSet<Integer> minutes(Iterable<LocalTime> times) {
        SortedSet<Integer> minutes = new TreeSet<>();
        times.forEach(time -> minutes.add(time.getMinute()));
        return minutes;
    }

    private static String join(Set<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** "08:40", "08:40 and 21:15", or the first three and how many more. */
    private static String list(List<LocalTime> times) {
        if (times.size() > 3) {
            return times.get(0) + ", " + times.get(1) + ", " + times.get(2) + " and " + (times.size() - 3) + " more";
        }
        List<String> shown = times.stream().map(LocalTime::toString).toList();
        return shown.size() == 1 ? shown.getFirst()
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.getLast();
    }

    private static DayOfWeek dayOfWeek(Weekday weekday) {
        return switch (weekday) {
            case MO -> DayOfWeek.MONDAY;
            case TU -> DayOfWeek.TUESDAY;
            case WE -> DayOfWeek.WEDNESDAY;
            case TH -> DayOfWeek.THURSDAY;
            case FR -> DayOfWeek.FRIDAY;
            case SA -> DayOfWeek.SATURDAY;
            case SU -> DayOfWeek.SUNDAY;
        };
    }

    private static InvalidScheduleException invalid(String reason) {
        return new InvalidScheduleException("times", reason);
    }
}
