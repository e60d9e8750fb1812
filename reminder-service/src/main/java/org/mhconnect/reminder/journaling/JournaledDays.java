package org.mhconnect.reminder.journaling;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** What reminder-service knows about the days a person journaled. */
@Component
public class JournaledDays implements ReminderErasure {

    /** Ids of people whose data was erased, and nothing else about them. */
    static final String ERASED_PEOPLE = "erased_people";

    private final MongoTemplate mongo;
    private final java.time.Clock clock;

    JournaledDays(MongoTemplate mongo, java.time.Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
    }

    /**
     * Records the entry's day. The day is found by its {@code _id} alone, which every MongoDB indexes (mongo-java-server
     * uses an index only for a query on exactly its fields), and the entry id is added to a set, so a redelivered
     * event changes nothing. The number of entries is the size of that set.
     */
    void record(JournalEntryRecorded event) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(event.userId())), ERASED_PEOPLE)) {
            // A late event of an erased account (its token outlived the account) must not bring data back.
            return;
        }
        Query day = Query.query(Criteria.where("_id").is(JournaledDayDocument.idOf(event.userId(), event.localDate())));
        Update count = new Update()
                .setOnInsert("userId", event.userId())
                .setOnInsert("localDate", event.localDate())
                .setOnInsert("firstRecordedAt", event.occurredAt())
                .addToSet("entryIds", event.entryId());
        try {
            mongo.upsert(day, count, JournaledDayDocument.class);
        }
        catch (DuplicateKeyException raced) {
            // Two events of the same new day at once: the other created it; now this one is an update.
            mongo.upsert(day, count, JournaledDayDocument.class);
        }
    }

    /** All of a person's days: the ids {@code <userId>/...} form one range of the {@code _id} key. */
    @Override
    public long eraseAllOf(String userId) {
        // First close the door, then empty the room: a journal event arriving now is ignored.
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), new Update().setOnInsert("erasedAt", clock.instant()),
                ERASED_PEOPLE);
        // '0' is the character after '/', so this range holds exactly the ids that start with "<userId>/".
        Query range = Query.query(Criteria.where("_id").gte(userId + "/").lt(userId + "0"));
        return mongo.remove(range, JournaledDayDocument.class).getDeletedCount();
    }

    /** Whether the person journaled on that local day; a lookup by key. */
    public boolean journaledOn(String userId, LocalDate day) {
        return mongo.exists(Query.query(Criteria.where("_id").is(JournaledDayDocument.idOf(userId, day))),
                JournaledDayDocument.class);
    }

    /** The days in a range, oldest first: a range over the {@code _id} key, which every MongoDB indexes. */
    List<JournaledDayView> between(String userId, LocalDate from, LocalDate to) {
        return days(userId, from, to).stream().map(JournaledDayView::of).toList();
    }

    /** The local days from {@code from} to {@code to}, both included, on which the person journaled. */
    public Set<LocalDate> journaledBetween(String userId, LocalDate from, LocalDate to) {
        return days(userId, from, to).stream().map(JournaledDayDocument::localDate).collect(Collectors.toSet());
    }

    private List<JournaledDayDocument> days(String userId, LocalDate from, LocalDate to) {
        Query range = Query.query(Criteria.where("_id")
                        .gte(JournaledDayDocument.idOf(userId, from))
                        .lte(JournaledDayDocument.idOf(userId, to)))
                .with(Sort.by("_id"));
        return mongo.find(range, JournaledDayDocument.class);
    }
}
