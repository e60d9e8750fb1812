package org.mhconnect.journal.entry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.mhconnect.journal.erasure.AccountErasedException;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.journal.crypto.DataKey;
import org.mhconnect.journal.crypto.DataKeys;
import org.mhconnect.journal.erasure.ErasedPeople;
import org.mhconnect.journal.erasure.JournalErasure;
import org.mhconnect.journal.outbox.AggregateExistence;
import org.mhconnect.outbox.Outbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writing, changing, deleting and restoring a person's entries (reading them is {@link JournalReading}). Every entry is scoped to its owner: another
 * person's id finds nothing. The words are sealed under the owner's data key before they reach the database.
 */
@Component
public class Journal implements AggregateExistence, JournalErasure {

    private final MongoTemplate mongo;
    private final EntryIndex index;
    private final DataKeys dataKeys;
    private final Outbox outbox;
    private final ErasedPeople erased;
    private final EntrySealing sealing;
    private final JournalReading reading;
    private final Clock clock;

    Journal(MongoTemplate mongo, EntryIndex index, DataKeys dataKeys, Outbox outbox, ErasedPeople erased,
            EntrySealing sealing, JournalReading reading, Clock clock) {
        this.mongo = mongo;
        this.index = index;
        this.dataKeys = dataKeys;
        this.outbox = outbox;
        this.erased = erased;
        this.sealing = sealing;
        this.reading = reading;
        this.clock = clock;
    }

    /**
     * Saves a new entry under the given id, or, when the person already has an entry with that id (an earlier run of
     * the same request saved it before its answer was lost), answers with that entry and saves nothing. The unique
     * {@code _id} tells, so a first save costs no extra read.
     */
    EntryView create(String userId, String entryId, EntryRequest request) {
        try {
            return create(userId, entryId, request, null);
        }
        catch (DuplicateKeyException alreadySaved) {
            // Saved by an earlier run of the same request: this run's summary went into the index before the insert
            // failed, so the index gets that entry's own summary back.
            JournalEntryDocument existing = reading.owned(userId, entryId).orElseThrow(() -> alreadySaved);
            index.put(userId, summaryOf(existing));
            return reading.read(userId, entryId).orElseThrow(() -> alreadySaved);
        }
    }

    /**
     * Saves a new entry and announces it with {@code journal.entry-recorded}, which carries the day, the mood and
     * the emotion codes, never the words. The index summary is written first, then the entry, then the event is
     * released; the outbox covers a crash in between.
     */
    private EntryView create(String userId, String entryId, EntryRequest request, Instant createdAt) {
        refuseErased(userId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime local = localDateTime(request);
        DataKey key = dataKeys.forWriting(userId);
        PrivateFields words = EntrySealing.wordsOf(request);
        JournalEntryDocument entry = new JournalEntryDocument(entryId, userId, local, request.timeZone(), request.mood(),
                request.emotionsOrNone(), request.practiceId(), EntrySealing.tagTokens(key, words.tags()), sealing.seal(key, entryId, words),
                createdAt == null ? now : createdAt, now, 0);
        JournalEntryRecorded event = new JournalEntryRecorded(UUID.randomUUID(), now, userId, entryId,
                local.toLocalDate(), request.mood(), request.emotionsOrNone());

        outbox.around(Topics.JOURNAL, userId, event, entryId, () -> {
            index.put(userId, summaryOf(entry));
            mongo.insert(entry);
        });
        return EntryView.of(entry, words);
    }

    EntryView update(String userId, String entryId, EntryRequest request) {
        refuseErased(userId);
        if (request.version() == null) {
            throw new InvalidEntryException("A change needs the 'version' of the entry as last read.");
        }
        JournalEntryDocument current = reading.owned(userId, entryId).orElseThrow(EntryNotFoundException::new);
        if (current.version() != request.version()) {
            throw new StaleVersionException(current.version());
        }
        LocalDateTime local = request.localDateTime() == null ? current.localDateTime() : localDateTime(request);
        DataKey key = dataKeys.forWriting(userId);
        PrivateFields words = EntrySealing.wordsOf(request);
        JournalEntryDocument changed = new JournalEntryDocument(entryId, userId, local, request.timeZone(),
                request.mood(), request.emotionsOrNone(), request.practiceId(), EntrySealing.tagTokens(key, words.tags()),
                sealing.seal(key, entryId, words), current.createdAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                current.version() + 1);

        index.put(userId, summaryOf(changed));
        Query sameVersion = Query.query(Criteria.where("_id").is(entryId).and("version").is(current.version()));
        Update replace = new Update()
                .set("localDateTime", changed.localDateTime())
                .set("timeZone", changed.timeZone())
                .set("mood", changed.mood())
                .set("emotions", changed.emotions())
                .set("practiceId", changed.practiceId())
                .set("tagTokens", changed.tagTokens())
                .set("sealed", changed.sealed())
                .set("updatedAt", changed.updatedAt())
                .set("version", changed.version());
        if (mongo.updateFirst(sameVersion, replace, JournalEntryDocument.class).getModifiedCount() == 0) {
            // Someone else saved in between: put their summary back and report the conflict.
            JournalEntryDocument winner = reading.owned(userId, entryId).orElseThrow(EntryNotFoundException::new);
            index.put(userId, summaryOf(winner));
            restoreIfMoved(userId, changed, winner);
            throw new StaleVersionException(winner.version());
        }
        restoreIfMoved(userId, current, changed);
        return EntryView.of(changed, words);
    }

    void delete(String userId, String entryId, Long expectedVersion) {
        JournalEntryDocument current = reading.owned(userId, entryId).orElseThrow(EntryNotFoundException::new);
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersionException(current.version());
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(entryId).and("version").is(current.version()));
        if (mongo.remove(sameVersion, JournalEntryDocument.class).getDeletedCount() == 0) {
            throw new StaleVersionException(reading.owned(userId, entryId).map(JournalEntryDocument::version).orElse(-1L));
        }
        index.remove(userId, entryId, current.localDateTime());
    }

    /**
     * Restores an exported entry under its own id. An entry that is already there is left alone, so importing the
     * same export twice changes nothing. An id that belongs to another account (an export from there) gets this
     * account's copy an id of its own, derived from the account and the exported id, so that importing it again finds
     * the copy instead of adding another. Returns whether it was added.
     */
    public boolean restore(String userId, String entryId, EntryRequest request, Instant createdAt) {
        String copyId = copyId(userId, entryId);
        if (mongo.exists(Query.query(Criteria.where("_id").is(copyId)), JournalEntryDocument.class)) {
            return false;
        }
        JournalEntryDocument existing = mongo.findById(entryId, JournalEntryDocument.class);
        if (existing != null && existing.userId().equals(userId)) {
            return false;
        }
        try {
            create(userId, existing == null ? entryId : copyId, request, createdAt);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /** The id of this account's copy of an entry exported from another account: the same on every import. */
    static String copyId(String userId, String exportedId) {
        return UUID.nameUUIDFromBytes((userId + "\u0000" + exportedId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Checks an entry to restore exactly as a new one would be checked, without writing anything. */
    public void check(EntryRequest request) {
        localDateTime(request);
    }

    @Override
    public boolean exists(String aggregateId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(aggregateId)), JournalEntryDocument.class);
    }

    @Override
    public long eraseAllOf(String userId) {
        // A scan on mongo-java-server, the owner index on a real MongoDB; erasure is rare and never on a hot path.
        long entries = mongo.remove(Query.query(Criteria.where("userId").is(userId)), JournalEntryDocument.class)
                .getDeletedCount();
        index.eraseAllOf(userId);
        return entries;
    }

    private void restoreIfMoved(String userId, JournalEntryDocument before, JournalEntryDocument after) {
        if (!YearMonth.from(before.localDateTime()).equals(YearMonth.from(after.localDateTime()))) {
            index.remove(userId, before.id(), before.localDateTime());
        }
    }

    private void refuseErased(String userId) {
        if (erased.contains(userId)) {
            throw new AccountErasedException();
        }
    }

    private LocalDateTime localDateTime(EntryRequest request) {
        ZoneId zone = ZoneId.of(request.timeZone());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
        if (request.localDateTime() == null) {
            return now;
        }
        LocalDateTime local = request.localDateTime().truncatedTo(ChronoUnit.SECONDS);
        if (!local.atZone(zone).toLocalDateTime().equals(local)) {
            throw new InvalidEntryException("'localDateTime' does not exist in " + zone
                    + ": the clocks moved forward over it. Pick a time just after the change.");
        }
        if (local.isAfter(now.plusMinutes(5))) {
            throw new InvalidEntryException("'localDateTime' is in the future in " + zone + ".");
        }
        if (local.getYear() < 1900) {
            throw new InvalidEntryException("'localDateTime' must be in 1900 or later.");
        }
        return local;
    }

    private static EntryIndex.Summary summaryOf(JournalEntryDocument entry) {
        return new EntryIndex.Summary(entry.id(), entry.localDateTime(), entry.mood(), entry.emotions(),
                entry.tagTokens(), entry.practiceId());
    }
}
