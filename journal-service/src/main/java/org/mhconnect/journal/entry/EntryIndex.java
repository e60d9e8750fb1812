package org.mhconnect.journal.entry;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.mhconnect.journal.storage.Upserts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A person's journal, indexed by month, so that listing, filtering and insights never need a secondary index.
 *
 * <ul>
 * <li>{@code journals}, {@code _id = userId}: the months that hold entries.</li>
 * <li>{@code entry_months}, {@code _id = userId/yyyy-MM}: one small summary per entry of that month (local time,
 * mood, emotion codes, tag tokens, practice), keyed by entry id.</li>
 * </ul>
 * Every read is by {@code _id}, which every MongoDB indexes, mongo-java-server included. Every write is a single
 * atomic, idempotent field update ({@code $set}/{@code $unset} of one entry's summary, {@code $addToSet} of a
 * month), so concurrent writers never lose each other's changes. Summaries are written before the entry, so an
 * entry is never missing from its index; a summary whose entry was never written is skipped when read.
 */
@Component
public class EntryIndex {

    static final String JOURNALS = "journals";
    static final String MONTHS = "entry_months";
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final MongoTemplate mongo;
    /** Months this instance has recently added to a journal, so most writes skip that second, idempotent update. */
    private final Cache<String, Boolean> monthsAdded = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    EntryIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the index knows of one entry. Sorting by {@code at} then {@code id} is newest-last. */
    public record Summary(String id, LocalDateTime at, Integer mood, List<String> emotions, List<String> tagTokens,
            String practiceId) {

        public LocalDate day() {
            return at.toLocalDate();
        }

        static final Comparator<Summary> NEWEST_FIRST = Comparator.comparing(Summary::at)
                .thenComparing(Summary::id).reversed();
    }

    void put(String userId, Summary summary) {
        String month = YearMonth.from(summary.at()).toString();
        Document value = new Document("at", SORTABLE.format(summary.at()))
                .append("emotions", summary.emotions())
                .append("tags", summary.tagTokens());
        if (summary.mood() != null) {
            value.append("mood", summary.mood());
        }
        if (summary.practiceId() != null) {
            value.append("practice", summary.practiceId());
        }
        Upserts.upsert(mongo, byId(monthId(userId, month)),
                new Update().set("entries." + summary.id(), value).setOnInsert("userId", userId).setOnInsert("month", month),
                MONTHS);
        String added = monthId(userId, month);
        if (monthsAdded.getIfPresent(added) == null) {
            Upserts.upsert(mongo, byId(userId), new Update().addToSet("months", month), JOURNALS);
            monthsAdded.put(added, Boolean.TRUE);
        }
    }

    void remove(String userId, String entryId, LocalDateTime at) {
        mongo.updateFirst(byId(monthId(userId, YearMonth.from(at).toString())), new Update().unset("entries." + entryId),
                MONTHS);
    }

    /** The months that hold entries, newest first, limited to a range of days when given. */
    public List<YearMonth> months(String userId, LocalDate from, LocalDate to) {
        Document journal = mongo.findById(userId, Document.class, JOURNALS);
        if (journal == null) {
            return List.of();
        }
        YearMonth first = from == null ? null : YearMonth.from(from);
        YearMonth last = to == null ? null : YearMonth.from(to);
        return journal.getList("months", String.class, List.of()).stream()
                .map(YearMonth::parse)
                .filter(month -> (first == null || !month.isBefore(first)) && (last == null || !month.isAfter(last)))
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** The summaries of the given months, newest first. One query by {@code _id}. */
    public List<Summary> summaries(String userId, List<YearMonth> months) {
        if (months.isEmpty()) {
            return List.of();
        }
        List<String> ids = months.stream().map(month -> monthId(userId, month.toString())).toList();
        List<Summary> all = new ArrayList<>();
        for (Document month : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, MONTHS)) {
            Document entries = month.get("entries", Document.class);
            if (entries == null) {
                continue;
            }
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                Document value = (Document) entry.getValue();
                all.add(new Summary(entry.getKey(), LocalDateTime.parse(value.getString("at")), value.getInteger("mood"),
                        value.getList("emotions", String.class, List.of()), value.getList("tags", String.class, List.of()),
                        value.getString("practice")));
            }
        }
        all.sort(Summary.NEWEST_FIRST);
        return all;
    }

    /** Everything the index holds for a person, for erasure. */
    long eraseAllOf(String userId) {
        long months = mongo.remove(Query.query(Criteria.where("userId").is(userId)), MONTHS).getDeletedCount();
        mongo.remove(byId(userId), JOURNALS);
        monthsAdded.asMap().keySet().removeIf(key -> key.startsWith(userId + "/"));
        return months;
    }

    static String sortable(LocalDateTime at) {
        return SORTABLE.format(at);
    }

    private static String monthId(String userId, String month) {
        return userId + "/" + month;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
