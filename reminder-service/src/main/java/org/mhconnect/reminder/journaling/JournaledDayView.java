package org.mhconnect.reminder.journaling;

import java.time.Instant;
import java.time.LocalDate;

/** A journaled day as the API shows it. */
record JournaledDayView(LocalDate date, int entries, Instant firstRecordedAt) {

    static JournaledDayView of(JournaledDayDocument day) {
        return new JournaledDayView(day.localDate(), day.entryIds() == null ? 0 : day.entryIds().size(), day.firstRecordedAt());
    }
}
