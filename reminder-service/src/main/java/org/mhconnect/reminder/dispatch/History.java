package org.mhconnect.reminder.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.mhconnect.reminder.definition.ReminderDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The delivery history of each reminder; writing the same entry twice keeps one. */
@Component
public class History {

    static final int KEPT = 200;

    private final MongoTemplate mongo;
    private final Clock clock;

    History(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One line of a reminder's history. */
    public record Entry(String occurrenceId, java.time.Instant scheduledAt, String channel, String status, String reason,
            int attempts, java.time.Instant at) {
    }

    /** What happened to a whole occurrence (skipped or missed). */
    void occurrence(String userId, String reminderId, String occurrenceId, Instant scheduledAt, String status, String reason) {
        add(userId, reminderId, new HistoryDocument.Entry(occurrenceId, occurrenceId, scheduledAt, null, status, reason, 0,
                clock.instant()));
    }

    /** What happened on one channel. */
    void channel(String userId, String reminderId, String occurrenceId, Instant scheduledAt, String channel, String status,
            String reason, int attempts) {
        add(userId, reminderId, new HistoryDocument.Entry(occurrenceId + "/" + channel, occurrenceId, scheduledAt, channel,
                status, reason, attempts, clock.instant()));
    }

    private void add(String userId, String reminderId, HistoryDocument.Entry entry) {
        Query notYet = Query.query(Criteria.where("_id").is(reminderId).and("entries.key").ne(entry.key()));
        Update push = new Update().setOnInsert("userId", userId).push("entries").slice(-KEPT).each(entry);
        try {
            mongo.upsert(notYet, push, HistoryDocument.class);
        }
        catch (DuplicateKeyException ex) {
            // The entry is already there: the upsert found no document without it and tried to make one.
        }
    }

    /** Newest first. */
    public List<Entry> of(String reminderId) {
        HistoryDocument history = mongo.findById(reminderId, HistoryDocument.class);
        if (history == null || history.entries() == null) {
            return List.of();
        }
        return history.entries().stream().sorted(Comparator.comparing(HistoryDocument.Entry::at).reversed())
                .map(entry -> new Entry(entry.occurrenceId(), entry.scheduledAt(), entry.channel(), entry.status(),
                        entry.reason(), entry.attempts(), entry.at()))
                .toList();
    }

    /** A removed reminder's history goes with it. */
    @EventListener
    void deleted(ReminderDeleted event) {
        erase(event.reminderId());
    }

    public void erase(String reminderId) {
        mongo.remove(Query.query(Criteria.where("_id").is(reminderId)), HistoryDocument.class);
    }
}
