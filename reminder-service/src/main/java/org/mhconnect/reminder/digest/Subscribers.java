package org.mhconnect.reminder.digest;

import java.util.List;

import org.mhconnect.reminder.preferences.DigestSubscribers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Everyone who opted into the weekly digest, as one set of ids ({@code digest_subscribers}, {@code _id = "all"}), so
 * the job finds them in one read instead of scanning every person's preferences. A uuid is about 40 bytes here:
 * MongoDB's 16 MB document limit allows some 300,000 subscribers before this has to be split.
 */
@Component
class Subscribers implements DigestSubscribers {

    static final String COLLECTION = "digest_subscribers";
    static final String ALL = "all";

    private final MongoTemplate mongo;

    Subscribers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(String userId) {
        Update add = new Update().addToSet("ids", userId);
        try {
            mongo.upsert(all(), add, COLLECTION);
        }
        catch (DuplicateKeyException raced) {
            // The first subscriber ever, twice at once: the other made the document; now this is an update.
            mongo.upsert(all(), add, COLLECTION);
        }
    }

    @Override
    public void remove(String userId) {
        mongo.updateFirst(all(), new Update().pull("ids", userId), COLLECTION);
    }

    List<String> ids() {
        org.bson.Document found = mongo.findById(ALL, org.bson.Document.class, COLLECTION);
        return found == null || found.getList("ids", String.class) == null ? List.of() : found.getList("ids", String.class);
    }

    boolean contains(String userId) {
        return ids().contains(userId);
    }

    private static Query all() {
        return Query.query(Criteria.where("_id").is(ALL));
    }
}
