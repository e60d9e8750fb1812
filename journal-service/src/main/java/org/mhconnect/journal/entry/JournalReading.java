package org.mhconnect.journal.entry;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.mhconnect.journal.crypto.DataKey;
import org.mhconnect.journal.crypto.DataKeys;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reading a person's entries: one by id, a page through the month index ({@link EntryIndex}), or all of them for the
 * export. Another person's id finds nothing; only the entries a page needs are fetched and opened.
 */
@Component
public class JournalReading {

    private static final int FETCH_BATCH = 100;

    private final MongoTemplate mongo;
    private final EntryIndex index;
    private final DataKeys dataKeys;
    private final EntrySealing sealing;

    JournalReading(MongoTemplate mongo, EntryIndex index, DataKeys dataKeys, EntrySealing sealing) {
        this.mongo = mongo;
        this.index = index;
        this.dataKeys = dataKeys;
        this.sealing = sealing;
    }

    public Optional<EntryView> read(String userId, String entryId) {
        return owned(userId, entryId).flatMap(entry -> dataKeys.forReading(userId).map(key -> sealing.open(key, entry)));
    }

    /** A page of entries, newest first, through the month index; only the page's entries are fetched and opened. */
    public EntryPage list(String userId, EntryFilter filter, String cursor, int size) {
        Optional<DataKey> key = dataKeys.forReading(userId);
        if (key.isEmpty()) {
            return new EntryPage(List.of(), null);
        }
        Position after = cursor == null ? null : Position.parse(cursor);
        Set<String> tagTokens = new HashSet<>();
        filter.tags().forEach(tag -> tagTokens.add(key.get().tagToken(EntrySealing.normalizeTag(tag))));
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
                views.add(sealing.open(key, entry));
            }
        }
        return views;
    }

    Optional<JournalEntryDocument> owned(String userId, String entryId) {
        // By _id alone, which every MongoDB indexes; the owner is checked here, so another person's id finds nothing.
        return Optional.ofNullable(mongo.findById(entryId, JournalEntryDocument.class))
                .filter(entry -> entry.userId().equals(userId));
    }
}
