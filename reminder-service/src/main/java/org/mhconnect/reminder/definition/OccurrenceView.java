package org.mhconnect.reminder.definition;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.mhconnect.reminder.schedule.Occurrence;

/**
 * One coming occurrence: the instant in UTC, and the local date-time with its offset, as the person will see it.
 *
 * @param local       such as {@code 2026-12-01T21:00:00+01:00}
 * @param shifted     true when the asked-for local time does not exist that day (a DST gap) and moves later
 */
public record OccurrenceView(Instant at, String local, String timeZone, boolean shifted) {

    public static OccurrenceView of(Occurrence occurrence) {
        return new OccurrenceView(occurrence.at(), occurrence.local().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                occurrence.local().getZone().getId(),
                !occurrence.local().toLocalDateTime().equals(occurrence.scheduledLocal()));
    }
}
