package org.mhconnect.journal.erasure;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ids of people whose journal was erased. An access token lives a few minutes after its account is deleted;
 * this list stops it from writing a new entry that nobody would ever erase. It holds ids and times, nothing else.
 */
@Component
public class ErasedPeople {

    private final MongoTemplate mongo;
    private final Clock clock;

    ErasedPeople(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void remember(String userId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), new Update().setOnInsert("erasedAt", clock.instant()),
                "erased_people");
    }

    /** A key lookup, cheap enough for every write. */
    public boolean contains(String userId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(userId)), "erased_people");
    }
}
