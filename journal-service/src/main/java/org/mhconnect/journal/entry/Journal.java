package org.mhconnect.journal.entry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.mhconnect.journal.erasure.AccountErasedException;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.journal.crypto.DataKey;
import org.mhconnect.journal.crypto.DataKeys;
import org.mhconnect.journal.erasure.ErasedPeople;
import org.mhconnect.journal.erasure.JournalErasure;
import org.mhconnect.journal.outbox.AggregateExistence;
import org.mhconnect.journal.outbox.EventOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing, changing, reading and listing a person's entries. Every entry is scoped to its owner: another
 * person's id finds nothing. The words are sealed under the owner's data key before they reach the database.
 */
@Component
public class Journal implements AggregateExistence, JournalErasure {

    static final String SEALED_PURPOSE = "entry";
    private static final int FETCH_BATCH = 100;

    private final MongoTemplate mongo;
    private final EntryIndex index;
    private final DataKeys dataKeys;
    private final EventOutbox outbox;
    private final ErasedPeople erased;
    private final JsonMapper json;
    private final Clock clock;

    Journal(MongoTemplate mongo, EntryIndex index, DataKeys dataKeys, EventOutbox outbox, ErasedPeople erased,
            JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.index = index;
        this.dataKeys = dataKeys;
        this.outbox = outbox;
        this.erased = erased;
        this.json = json;
        this.clock = clock;
    }

    EntryView create(String userId, EntryRequest request) {
        return create(userId, UUID.randomUUID().toString(), request, null);
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
        PrivateFields words = wordsOf(request);
        JournalEntryDocument entry = new JournalEntryDocument(entryId, userId, local, request.timeZone(), request.mood(),
                request.emotionsOrNone(), request.practiceId(), tagTokens(key, words.tags()), seal(key, entryId, words),
                createdAt == null ? now : createdAt, now, 0);
        JournalEntryRecorded event = new JournalEntryRecorded(UUID.randomUUID(), now, userId, entryId,
                local.toLocalDate(), request.mood(), request.emotionsOrNone());

        outbox.stage(Topics.JOURNAL, event, entryId);
        index.put(userId, summaryOf(entry));
        mongo.insert(entry);
        outbox.release(Topics.JOURNAL, event);
        return EntryView.of(entry, words);
    }

    EntryView update(String userId, String entryId, EntryRequest request) {
        refuseErased(userId);
        if (request.version() == null) {
            throw new InvalidEntryException("A change needs the 'version' of the entry as last read.");
        }
        JournalEntryDocument current = owned(userId, entryId).orElseThrow(EntryNotFoundException::new);
        if (current.version() != request.version()) {
            throw new StaleVersionException(current.version());
        }
        LocalDateTime local = request.localDateTime() == null ? current.localDateTime() : localDateTime(request);
        DataKey key = dataKeys.forWriting(userId);
        PrivateFields words = wordsOf(request);
        JournalEntryDocument changed = new JournalEntryDocument(entryId, userId, local, request.timeZone(),
                request.mood(), request.emotionsOrNone(), request.practiceId(), tagTokens(key, words.tags()),
                seal(key, entryId, words), current.createdAt(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
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
            JournalEntryDocument winner = owned(userId, entryId).orElseThrow(EntryNotFoundException::new);
            index.put(userId, summaryOf(winner));
            restoreIfMoved(userId, changed, winner);
            throw new StaleVersionException(winner.version());
        }
        restoreIfMoved(userId, current, changed);
        return EntryView.of(changed, words);
    }

    void delete(String userId, String entryId, Long expectedVersion) {
        JournalEntryDocument current = owned(userId, entryId).orElseThrow(EntryNotFoundException::new);
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersionException(current.version());
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(entryId).and("version").is(current.version()));
        if (mongo.remove(sameVersion, JournalEntryDocument.class).getDeletedCount() == 0) {
            throw new StaleVersionException(owned(userId, entryId).map(JournalEntryDocument::version).orElse(-1L));
        }
        index.remove(userId, entryId, current.localDateTime());
    }

    Optional<EntryView> read(String userId, String entryId) {
        return owned(userId, entryId).flatMap(entry -> dataKeys.forReading(userId).map(key -> open(key, entry)));
    }

    /** A page of entries, newest first, through the month index; only the page's entries are fetched and opened. */
    EntryPage list(String userId, EntryFilter filter, String cursor, int size) {
        Optional<DataKey> key = dataKeys.forReading(userId);
        if (key.isEmpty()) {
            return new EntryPage(List.of(), null);
        }
        Position after = cursor == null ? null : Position.parse(cursor);
        Set<String> tagTokens = new HashSet<>();
        filter.tags().forEach(tag -> tagTokens.add(key.get().tagToken(normalizeTag(tag))));
        List<EntryView> page = new ArrayList<>();
        boolean more = false;
        List<YearMonth> months = index.months(userId, filter.from(), filter.to());
        // A few months at a time: most pages are filled by the newest one or two.
        outer:
        for (int start = 0; start < months.size(); start += 3) {
            List<EntryIndex.Summary> candidates = index.summaries(userId, months.subList(start, Math.min(months.size(), start + 3)))
                    .stream()
                    .filter(summary -> after == null || after.isAfter(summary))
                    .filter(summary -> filter.matches(summary, tagTokens))
                    .toList();
            int from = 0;
            while (from < candidates.size()) {
                // Without a text search, fetch only what the page still needs (plus one, to know if there is more).
                int take = filter.text() == null ? Math.min(size + 1 - page.size(), FETCH_BATCH) : FETCH_BATCH;
                List<EntryIndex.Summary> batch = candidates.subList(from, Math.min(candidates.size(), from + take));
                from += batch.size();
                for (EntryView entry : fetch(userId, key.get(), batch)) {
                    if (!filter.matches(entry)) {
                        continue;
                    }
                    if (page.size() == size) {
                        more = true;
                        break outer;
                    }
                    page.add(entry);
                }
            }
        }
        String next = more ? Position.of(page.getLast()).encode() : null;
        return new EntryPage(List.copyOf(page), next);
    }

    /** Every entry of a person, oldest first, opened one batch at a time; for export. */
    public void forEachEntry(String userId, Consumer<EntryView> action) {
        Optional<DataKey> key = dataKeys.forReading(userId);
        if (key.isEmpty()) {
            return;
        }
        for (YearMonth month : index.months(userId, null, null).reversed()) {
            List<EntryIndex.Summary> summaries = index.summaries(userId, List.of(month)).reversed();
            for (int from = 0; from < summaries.size(); from += FETCH_BATCH) {
                fetch(userId, key.get(), summaries.subList(from, Math.min(summaries.size(), from + FETCH_BATCH)))
                        .forEach(action);
            }
        }
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

    private List<EntryView> fetch(String userId, DataKey key, List<EntryIndex.Summary> summaries) {
        if (summaries.isEmpty()) {
            return List.of();
        }
        Map<String, EntryIndex.Summary> wanted = new LinkedHashMap<>();
        summaries.forEach(summary -> wanted.put(summary.id(), summary));
        Map<String, JournalEntryDocument> found = new LinkedHashMap<>();
        for (JournalEntryDocument entry : mongo.find(Query.query(Criteria.where("_id").in(wanted.keySet())),
                JournalEntryDocument.class)) {
            if (entry.userId().equals(userId)) {
                found.put(entry.id(), entry);
            }
        }
        List<EntryView> views = new ArrayList<>();
        for (EntryIndex.Summary summary : wanted.values()) {
            JournalEntryDocument entry = found.get(summary.id());
            // Skip a summary whose entry was never written, or that moved to another month since.
            if (entry != null && entry.localDateTime().equals(summary.at())) {
                views.add(open(key, entry));
            }
        }
        return views;
    }

    private Optional<JournalEntryDocument> owned(String userId, String entryId) {
        // By _id alone, which every MongoDB indexes; the owner is checked here, so another person's id finds nothing.
        return Optional.ofNullable(mongo.findById(entryId, JournalEntryDocument.class))
                .filter(entry -> entry.userId().equals(userId));
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

    private static PrivateFields wordsOf(EntryRequest request) {
        return new PrivateFields(request.title(), request.body(), request.reframe(), request.tagsOrNone());
    }

    private byte[] seal(DataKey key, String entryId, PrivateFields words) {
        return key.seal(SEALED_PURPOSE, entryId, json.writeValueAsBytes(words));
    }

    private EntryView open(DataKey key, JournalEntryDocument entry) {
        PrivateFields words = json.readValue(key.open(SEALED_PURPOSE, entry.id(), entry.sealed()), PrivateFields.class);
        return EntryView.of(entry, words);
    }

    private static List<String> tagTokens(DataKey key, List<String> tags) {
        return tags.stream().map(tag -> key.tagToken(normalizeTag(tag))).distinct().toList();
    }

    static String normalizeTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    private static EntryIndex.Summary summaryOf(JournalEntryDocument entry) {
        return new EntryIndex.Summary(entry.id(), entry.localDateTime(), entry.mood(), entry.emotions(),
                entry.tagTokens(), entry.practiceId());
    }

    /** Where a page ended: the local time and id of its last entry, as an opaque cursor. */
    record Position(LocalDateTime at, String id) {

        static Position of(EntryView entry) {
            return new Position(entry.localDateTime(), entry.id());
        }

        static Position parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
                return new Position(LocalDateTime.parse(parts[0]), parts[1]);
            }
            catch (RuntimeException ex) {
                throw new InvalidEntryException("'cursor' is not one this service gave out.");
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((EntryIndex.sortable(at) + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** Whether a summary comes after this position in newest-first order. */
        boolean isAfter(EntryIndex.Summary summary) {
            int byTime = summary.at().compareTo(at);
            return byTime < 0 || (byTime == 0 && summary.id().compareTo(id) < 0);
        }
    }
}
