package org.mhconnect.journal.entry;

import java.util.Optional;

import org.mhconnect.journal.outbox.AggregateExistence;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads entries by id, always scoped to their owner. */
@Component
class Entries implements AggregateExistence {

    private final MongoTemplate mongo;

    Entries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<JournalEntryDocument> find(String userId, String entryId) {
        Query byIdAndOwner = Query.query(Criteria.where("_id").is(entryId).and("userId").is(userId));
        return Optional.ofNullable(mongo.findOne(byIdAndOwner, JournalEntryDocument.class));
    }

    @Override
    public boolean exists(String entryId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(entryId)), JournalEntryDocument.class);
    }
}
