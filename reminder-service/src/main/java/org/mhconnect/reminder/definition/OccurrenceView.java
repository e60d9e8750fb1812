package org.mhconnect.reminder.definition;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.mhconnect.reminder.schedule.Occurrence;
import org.mhconnect.reminder.skip.SkipReason;

/**
 * One coming occurrence: the instant in UTC, and the local date-time with its offset, as the person will see it.
 *
 * @param local       such as {@code 2026-12-01T21:00:00+01:00}
 * @param shifted     true when the asked-for local time does not exist that day (a DST gap) and moves later
 * @param skipped     why it will not be sent, as things stand now; null when it will come
 */
public record OccurrenceView(Instant at, String local, String timeZone, boolean shifted, Skipped skipped) {

    public static OccurrenceView of(Occurrence occurrence) {
        return of(occurrence, null);
    }

    public static OccurrenceView of(Occurrence occurrence, SkipReason skipped) {
        return new OccurrenceView(occurrence.at(), occurrence.local().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                occurrence.local().getZone().getId(),
                !occurrence.local().toLocalDateTime().equals(occurrence.scheduledLocal()),
                skipped == null ? null : Skipped.of(skipped));
    }
}
