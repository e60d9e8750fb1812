package org.mhconnect.journal.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.mhconnect.journal.erasure.AccountErasedException;
import org.mhconnect.journal.erasure.ErasedPeople;
import org.mhconnect.journal.erasure.JournalErasure;
import org.mhconnect.journal.storage.Upserts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A person's completed practices: one document per person ({@code _id = userId}) in {@code practice_completions},
 * each completion pushed atomically, like check-ins. The whole history is one read by {@code _id}, which
 * mongo-java-server answers from its {@code _id} index; a practice a day for ten years is still a small document.
 * Nothing here is journal text: a slug, the library's title, a time and a zone.
 */
@Component
public class PracticeCompletions implements JournalErasure {

    static final String COLLECTION = "practice_completions";
    /** The player's clock and the server's may disagree a little; more than this is a completion still to come. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final MongoTemplate mongo;
    private final ErasedPeople erased;
    private final Clock clock;

    PracticeCompletions(MongoTemplate mongo, ErasedPeople erased, Clock clock) {
        this.mongo = mongo;
        this.erased = erased;
        this.clock = clock;
    }

    /** A completion as stored; {@code localDate} is the day in the person's zone when it ended. */
    public record Completion(String id, String slug, String title, Instant completedAt, String timeZone,
            LocalDate localDate) {
    }

    /**
     * Records a completion under the given id; when the person already has one with that id (an earlier run of the
     * same request recorded it before its answer was lost), answers with it and records nothing.
     */
    Completion record(String userId, String id, CompletionRequest request) {
        java.util.Optional<Completion> already = of(userId).stream().filter(stored -> stored.id().equals(id)).findFirst();
        if (already.isPresent()) {
            return already.get();
        }
        Instant at = request.completedAt().truncatedTo(ChronoUnit.MILLIS);
        check(at);
        String zone = request.timeZone() == null ? "UTC" : request.timeZone();
        Completion completion = new Completion(id, request.slug(), request.title().strip(), at,
                zone, LocalDate.ofInstant(at, ZoneId.of(zone)));
        push(userId, completion);
        return completion;
    }

    /**
     * Refuses an exported completion that could not have happened, as {@link #record} would refuse it; the import
     * checks every part before it writes any.
     */
    public void check(Completion completion) {
        check(completion.completedAt());
    }

    /** Restores an exported completion; one that is already there (same id) is left alone. Returns whether it was added. */
    public boolean restore(String userId, Completion completion) {
        if (of(userId).stream().anyMatch(stored -> stored.id().equals(completion.id()))) {
            return false;
        }
        push(userId, completion);
        return true;
    }

    private void check(Instant at) {
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidCompletionException("'completedAt' is in the future.");
        }
        if (at.isBefore(EARLIEST)) {
            throw new InvalidCompletionException("'completedAt' is before " + EARLIEST + ".");
        }
    }

    private void push(String userId, Completion completion) {
        if (erased.contains(userId)) {
            throw new AccountErasedException();
        }
        Document item = new Document("id", completion.id())
                .append("slug", completion.slug())
                .append("title", completion.title())
                .append("completedAt", Date.from(completion.completedAt()))
                .append("timeZone", completion.timeZone())
                .append("localDate", completion.localDate().toString());
        Upserts.upsert(mongo, Query.query(Criteria.where("_id").is(userId)), new Update().push("items", item), COLLECTION);
    }

    /** Every completion of a person, newest first. */
    public List<Completion> of(String userId) {
        Document doc = mongo.findById(userId, Document.class, COLLECTION);
        if (doc == null) {
            return List.of();
        }
        return doc.getList("items", Document.class, List.of()).stream()
                .map(item -> new Completion(item.getString("id"), item.getString("slug"), item.getString("title"),
                        item.getDate("completedAt").toInstant(), item.getString("timeZone"),
                        LocalDate.parse(item.getString("localDate"))))
                .sorted(Comparator.comparing(Completion::completedAt).reversed())
                .toList();
    }

    /** The person's completions on local days {@code from}..{@code to}, inclusive, newest first. */
    public List<Completion> between(String userId, LocalDate from, LocalDate to) {
        return of(userId).stream()
                .filter(completion -> !completion.localDate().isBefore(from) && !completion.localDate().isAfter(to))
                .toList();
    }

    @Override
    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(userId)), COLLECTION).getDeletedCount();
    }
}
