package org.mhconnect.journal.entry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** An entry as its owner sees it. */
record EntryView(String id, LocalDateTime localDateTime, String timeZone, String body, int mood,
        List<String> emotions, Instant createdAt, long version) {

    static EntryView of(JournalEntryDocument entry) {
        return new EntryView(entry.id(), entry.localDateTime(), entry.timeZone(), entry.body(), entry.mood(),
                entry.emotions(), entry.createdAt(), entry.version() == null ? 0 : entry.version());
    }
}
