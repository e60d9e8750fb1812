package org.mhconnect.content.saved;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.mhconnect.content.erasure.ContentErasure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each person's saved items: one document per person ({@code _id = userId}) in {@code saved_items}, with a map of
 * slug to the moment it was saved. Saving twice, or removing what is not there, changes nothing.
 */
@Component
class SavedItems implements ContentErasure {

    static final String COLLECTION = "saved_items";
    static final int MAX = 500;

    private final MongoTemplate mongo;
    private final Clock clock;

    SavedItems(MongoTemplate mongo, Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
    }

    void save(String userId, String slug) {
        Update update = new Update().set("items." + slug, java.util.Date.from(clock.instant()));
        try {
            mongo.upsert(byId(userId), update, COLLECTION);
        }
        catch (org.springframework.dao.DuplicateKeyException raced) {
            mongo.upsert(byId(userId), update, COLLECTION);
        }
    }

    void remove(String userId, String slug) {
        mongo.updateFirst(byId(userId), new Update().unset("items." + slug), COLLECTION);
    }

    /** Slugs, most recently saved first. */
    List<String> of(String userId) {
        Document stored = mongo.findById(userId, Document.class, COLLECTION);
        if (stored == null || stored.get("items", Document.class) == null) {
            return List.of();
        }
        Document items = stored.get("items", Document.class);
        return items.keySet().stream()
                .sorted(Comparator.comparing((String slug) -> items.getDate(slug)).reversed().thenComparing(slug -> slug))
                .toList();
    }

    int count(String userId) {
        return of(userId).size();
    }

    @Override
    public long eraseAllOf(String userId) {
        return mongo.remove(byId(userId), COLLECTION).getDeletedCount();
    }

    private static Query byId(String userId) {
        return Query.query(Criteria.where("_id").is(userId));
    }
}
