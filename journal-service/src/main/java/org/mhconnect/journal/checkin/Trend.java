package org.mhconnect.journal.checkin;

import java.util.List;

/**
 * How the check-in total has moved: the latest total against the mean of up to three before it. A change of less
 * than a quarter point is "steady", because scores naturally wobble from day to day.
 *
 * @param change latest total minus the mean of the previous ones, two decimals
 */
record Trend(Direction direction, double change, String message) {

    enum Direction { RISING, STEADY, FALLING }

    /** From totals newest first; none with fewer than two check-ins. */
    static Trend of(List<Double> totalsNewestFirst) {
        if (totalsNewestFirst.size() < 2) {
            return null;
        }
        List<Double> previous = totalsNewestFirst.subList(1, Math.min(4, totalsNewestFirst.size()));
        double mean = previous.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double change = Math.round((totalsNewestFirst.getFirst() - mean) * 100) / 100.0;
        if (change >= 0.25) {
            return new Trend(Direction.RISING, change, "Your kindness towards yourself has grown a little lately.");
        }
        if (change <= -0.25) {
            return new Trend(Direction.FALLING, change,
                    "It has been harder to be kind to yourself lately. That happens, and it can turn again.");
        }
        return new Trend(Direction.STEADY, change, "Much the same as your last few check-ins.");
    }
}
