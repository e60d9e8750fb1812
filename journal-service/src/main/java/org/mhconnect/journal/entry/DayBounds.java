package org.mhconnect.journal.entry;

import java.time.LocalDate;

/**
 * The local days a query may name: from 1900, the earliest an entry may be dated, to 2999. Beyond them a day is a
 * mistake or a probe, and arithmetic on it (month by month, or days before {@link LocalDate#MIN}) would fail or
 * never end.
 */
public final class DayBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private DayBounds() {
    }

    /** Refuses, as a 400 problem naming the parameter, a day outside the bounds; null passes. */
    public static void require(LocalDate day, String parameter) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw new InvalidEntryException("'" + parameter + "' must be between " + EARLIEST + " and " + LATEST + ".");
        }
    }
}
