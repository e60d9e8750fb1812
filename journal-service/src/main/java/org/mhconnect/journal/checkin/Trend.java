package org.mhconnect.journal.checkin;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * How the check-in total has moved over time: the latest total against the mean of up to three check-ins taken at
 * least a week before it (by the writer's local days). Two check-ins minutes or days apart say more about the day
 * than about a change, so without an earlier one a week older the trend says only that it is too soon to tell. A
 * change of less than a quarter point is "steady", because scores naturally wobble.
 *
 * @param change latest total minus the mean of the earlier ones, two decimals; absent when it is too soon
 */
record Trend(Direction direction, Double change, String message) {

    enum Direction { RISING, STEADY, FALLING, TOO_SOON }

    /** How far apart two check-ins must be before their difference is called a change. */
    static final Period APART = Period.ofWeeks(1);

    /** One check-in's local day and total. */
    record Point(LocalDate day, double total) {
    }

    /** From check-ins newest first; none with fewer than two. */
    static Trend of(List<Point> newestFirst) {
        if (newestFirst.size() < 2) {
            return null;
        }
        LocalDate aWeekBefore = newestFirst.getFirst().day().minus(APART);
        List<Double> earlier = newestFirst.stream().skip(1)
                .filter(point -> !point.day().isAfter(aWeekBefore))
                .limit(3)
                .map(Point::total)
                .toList();
        if (earlier.isEmpty()) {
            return new Trend(Direction.TOO_SOON, null, "There is not enough time between your check-ins yet to see "
                    + "a change. Check-ins a week or more apart show how things move.");
        }
        double mean = earlier.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double change = Math.round((newestFirst.getFirst().total() - mean) * 100) / 100.0;
        if (change >= 0.25) {
            return new Trend(Direction.RISING, change, "Your kindness towards yourself has grown a little since a week or more ago.");
        }
        if (change <= -0.25) {
            return new Trend(Direction.FALLING, change,
                    "It has been harder to be kind to yourself than a week or more ago. That happens, and it can turn again.");
        }
        return new Trend(Direction.STEADY, change, "Much the same as a week or more ago.");
    }
}
