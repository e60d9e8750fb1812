package org.mhconnect.journal.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalCheckInCompleted;
import org.mhconnect.journal.erasure.AccountErasedException;
import org.mhconnect.journal.erasure.ErasedPeople;
import org.mhconnect.journal.erasure.JournalErasure;
import org.mhconnect.journal.outbox.AggregateExistence;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.journal.storage.Upserts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A person's check-ins: one document per person ({@code _id = userId}) in {@code checkins}, each check-in
 * pushed atomically. A person takes a check-in now and then, so the document stays small, and the whole history
 * is one read by {@code _id}. Completing one announces {@code journal.checkin-completed} with the scores only.
 */
@Component
public class CheckIns implements AggregateExistence, JournalErasure {

    static final String COLLECTION = "checkins";
    private static final String AGGREGATE_PREFIX = "checkin/";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final ErasedPeople erased;
    private final Clock clock;

    CheckIns(MongoTemplate mongo, Outbox outbox, ErasedPeople erased, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.erased = erased;
        this.clock = clock;
    }

    /** A check-in as stored: the answers, from which every score is computed again when read. */
    public record Stored(String id, Instant takenAt, LocalDate localDate, String timeZone, List<Integer> answers) {
    }

    public record Restorable(String id, Instant takenAt, LocalDate localDate, List<Integer> answers) {
    }

    /**
     * Records a check-in under the given id; when the person already has one with that id (an earlier run of the same
     * request recorded it before its answer was lost), answers with it and records nothing.
     */
    Stored complete(String userId, String id, CheckInRequest request) {
        java.util.Optional<Stored> already = history(userId).stream().filter(stored -> stored.id().equals(id)).findFirst();
        if (already.isPresent()) {
            return already.get();
        }
        CheckInScores scores = CheckInScores.of(request.answers());
        String zone = request.timeZone() == null ? "UTC" : request.timeZone();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Stored stored = new Stored(id, now, LocalDate.ofInstant(now, ZoneId.of(zone)), zone,
                List.copyOf(request.answers()));
        push(userId, stored, scores);
        return stored;
    }

    /** Restores an exported check-in; one that is already there is left alone. Returns whether it was added. */
    public boolean restore(String userId, Restorable checkIn) {
        if (history(userId).stream().anyMatch(stored -> stored.id().equals(checkIn.id()))) {
            return false;
        }
        CheckInScores scores = CheckInScores.of(checkIn.answers());
        push(userId, new Stored(checkIn.id(), checkIn.takenAt(), checkIn.localDate(), "UTC", checkIn.answers()), scores);
        return true;
    }

    private void push(String userId, Stored stored, CheckInScores scores) {
        if (erased.contains(userId)) {
            throw new AccountErasedException();
        }
        JournalCheckInCompleted event = new JournalCheckInCompleted(UUID.randomUUID(), clock.instant(), userId,
                stored.id(), stored.localDate(), scores.total(), scores.subscales());
        Document item = new Document("id", stored.id())
                .append("takenAt", Date.from(stored.takenAt()))
                .append("localDate", stored.localDate().toString())
                .append("timeZone", stored.timeZone())
                .append("answers", stored.answers());
        outbox.around(Topics.JOURNAL, userId, event, AGGREGATE_PREFIX + userId + "/" + stored.id(), () -> Upserts.upsert(
                mongo, Query.query(Criteria.where("_id").is(userId)), new Update().push("items", item), COLLECTION));
    }

    /** Every check-in of a person, newest first. */
    public List<Stored> history(String userId) {
        Document doc = mongo.findById(userId, Document.class, COLLECTION);
        if (doc == null) {
            return List.of();
        }
        return doc.getList("items", Document.class, List.of()).stream()
                .map(item -> new Stored(item.getString("id"), item.getDate("takenAt").toInstant(),
                        LocalDate.parse(item.getString("localDate")), item.getString("timeZone"),
                        item.getList("answers", Integer.class)))
                .sorted(Comparator.comparing(Stored::takenAt).reversed())
                .toList();
    }

    @Override
    public boolean exists(String aggregateId) {
        if (!aggregateId.startsWith(AGGREGATE_PREFIX)) {
            return false;
        }
        String[] parts = aggregateId.substring(AGGREGATE_PREFIX.length()).split("/", 2);
        return parts.length == 2 && history(parts[0]).stream().anyMatch(stored -> stored.id().equals(parts[1]));
    }

    @Override
    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(userId)), COLLECTION).getDeletedCount();
    }

}
