package org.mhconnect.journal.entry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An entry as stored. Reads by id check the owner in the same query, so another person's id finds nothing.
 * The owner index serves listing on a real MongoDB.
 */
@Document("entries")
@CompoundIndex(name = "owner_local", def = "{'userId': 1, 'localDateTime': -1}")
record JournalEntryDocument(
        @Id String id,
        String userId,
        LocalDateTime localDateTime,
        String timeZone,
        String body,
        int mood,
        List<String> emotions,
        Instant createdAt,
        @Version Long version) {
}
