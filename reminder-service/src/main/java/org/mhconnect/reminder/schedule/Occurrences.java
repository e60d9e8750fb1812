package org.mhconnect.reminder.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * When a schedule fires after a given instant, by the product's time rules:
 * <ul>
 *   <li>a time in a spring-forward gap fires later by the length of the gap, on that same day;</li>
 *   <li>a time in a fall-back overlap fires once, at the earlier of its two instants;</li>
 *   <li>never early: every occurrence is strictly after the instant asked about, so an occurrence exactly at it is
 *       one already due, not a next one.</li>
 * </ul>
 * Occurrences come in the order of their instants, each instant once. The two differ from the order of scheduled
 * times only in a gap: in Australia/Lord_Howe, whose clocks jump from 02:00 to 02:30, times of 02:00, 02:20 and 02:40
 * fire at 02:30, 02:50 and 02:40, so 02:40 comes second; and in a one-hour gap 02:30 and 03:30 both fire at 03:30,
 * which is one occurrence (the earlier scheduled time's), not two at once.
 *
 * <p>lib-recur skips ahead to a day before the instant asked about, in local terms, so a schedule that started years
 * ago costs about what a new one does. The day covers any time that a gap or a change of offset moves past it.
 */
public final class Occurrences {

    /** The most occurrences one call gives. */
    public static final int MAX_COUNT = 100;

    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private static final Comparator<Occurrence> BY_INSTANT =
            Comparator.comparing(Occurrence::at).thenComparing(Occurrence::scheduledLocal);

    private Occurrences() {
    }

    /**
     * The next {@code count} occurrences strictly after {@code after}, earliest first; fewer when the schedule ends
     * by COUNT or UNTIL.
     *
     * @param count 1 to {@value #MAX_COUNT}
     */
    public static List<Occurrence> next(Schedule schedule, Instant after, int count) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(after, "after");
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + ", not " + count);
        }
        LocalDateTime skipTo = after.minus(LOOK_BACK).atZone(schedule.zone()).toLocalDateTime();
        Iterator<Occurrence> candidates =
                Recurrence.read(schedule.rrule()).occurrences(schedule.start(), schedule.zone(), skipTo);

        // Candidates come by scheduled time. One is certain to be the earliest yet to come once a candidate is
        // scheduled no earlier than it fires: anything scheduled from then on fires no earlier either.
        PriorityQueue<Occurrence> pending = new PriorityQueue<>(BY_INSTANT);
        List<Occurrence> found = new ArrayList<>(count);
        Instant last = after;
        while (found.size() < count) {
            Occurrence candidate = candidates.hasNext() ? candidates.next() : null;
            while (!pending.isEmpty() && found.size() < count && (candidate == null
                    || !candidate.scheduledLocal().isBefore(pending.peek().local().toLocalDateTime()))) {
                Occurrence earliest = pending.poll();
                if (earliest.at().isAfter(last)) {
                    found.add(earliest);
                    last = earliest.at();
                }
            }
            if (candidate == null) {
                break;
            }
            if (candidate.at().isAfter(after)) {
                pending.add(candidate);
            }
        }
        return List.copyOf(found);
    }

    /** The first occurrence strictly after {@code after}; empty when the schedule has ended by then. */
    public static Optional<Occurrence> firstAfter(Schedule schedule, Instant after) {
        return next(schedule, after, 1).stream().findFirst();
    }
}
