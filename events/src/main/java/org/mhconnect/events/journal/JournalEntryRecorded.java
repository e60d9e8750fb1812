package org.mhconnect.events.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * A journal entry was saved. It carries only what other services may know: never the entry's words.
 *
 * @param entryId   the entry, as journal-service names it
 * @param localDate the day of the entry in the writer's own time zone
 * @param mood      1 (very low) to 5 (very good), or null when the writer left it out
 * @param emotions  emotion codes from the fixed vocabulary; custom tags stay in the journal
 */
public record JournalEntryRecorded(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String entryId,
        LocalDate localDate,
        Integer mood,
        List<String> emotions) implements DomainEvent {

    public JournalEntryRecorded {
        emotions = List.copyOf(emotions);
    }
}
