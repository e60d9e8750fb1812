package org.mhconnect.journal.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.journal.erasure.ErasedPeople;
import org.mhconnect.journal.outbox.EventOutbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Saves a new entry and announces it with {@code journal.entry-recorded}. The entry is always saved; the
 * event carries the day, mood and emotion codes, never the words.
 */
@Component
class RecordEntry {

    private final MongoTemplate mongo;
    private final EventOutbox outbox;
    private final ErasedPeople erased;
    private final Clock clock;

    RecordEntry(MongoTemplate mongo, EventOutbox outbox, ErasedPeople erased, Clock clock) {
        this.erased = erased;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    EntryView record(String userId, NewEntry request) {
        if (erased.contains(userId)) {
            throw new AccountErasedException();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime local = LocalDateTime.ofInstant(now, ZoneId.of(request.timeZone()));
        String entryId = UUID.randomUUID().toString();
        JournalEntryRecorded event = new JournalEntryRecorded(UUID.randomUUID(), now, userId, entryId,
                local.toLocalDate(), request.mood(), request.emotionsOrNone());

        outbox.stage(Topics.JOURNAL, event, entryId);
        JournalEntryDocument saved = mongo.insert(new JournalEntryDocument(entryId, userId, local, request.timeZone(),
                request.body(), request.mood(), request.emotionsOrNone(), now, null));
        outbox.release(Topics.JOURNAL, event);
        return EntryView.of(saved);
    }
}
