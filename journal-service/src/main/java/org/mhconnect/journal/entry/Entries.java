package org.mhconnect.journal.entry;

import java.util.Optional;

import org.mhconnect.journal.erasure.JournalErasure;
import org.mhconnect.journal.outbox.AggregateExistence;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads entries by id, always scoped to their owner, and erases them all when the owner leaves. */
@Component
class Entries implements AggregateExistence, JournalErasure {

    private final MongoTemplate mongo;

    Entries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<JournalEntryDocument> find(String userId, String entryId) {
        Query byIdAndOwner = Query.query(Criteria.where("_id").is(entryId).and("userId").is(userId));
        return Optional.ofNullable(mongo.findOne(byIdAndOwner, JournalEntryDocument.class));
    }

    @Override
    public long eraseAllOf(String userId) {
        // A scan on mongo-java-server, the owner index on a real MongoDB; erasure is rare and never on a hot path.
        return mongo.remove(Query.query(Criteria.where("userId").is(userId)), JournalEntryDocument.class).getDeletedCount();
    }

    @Override
    public boolean exists(String entryId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(entryId)), JournalEntryDocument.class);
    }
}
