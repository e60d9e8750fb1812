package org.mhconnect.content.reaction;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.mhconnect.content.erasure.ContentErasure;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * "What's your reaction?": one reaction per person per item, and a count per kind.
 *
 * <p>A person's reaction is one document, {@code _id = <slug>/<userId>} in {@code reactions}; the counts are one
 * document per item in {@code reaction_counts}. Every change first swaps the person's reaction atomically
 * ({@code findAndModify}, which returns what was there before) and then moves the counts by exactly that
 * difference in one {@code $inc}. So a retried request changes nothing the second time, and concurrent changes by
 * the same person are applied one after the other, each counting from what the previous one left.
 */
@Component
public class Reactions implements ContentErasure {

    public static final List<String> KINDS = List.of("helpful", "calming", "inspiring", "relatable");
    static final String REACTIONS = "reactions";
    static final String COUNTS = "reaction_counts";

    private final MongoTemplate mongo;
    private final Clock clock;

    Reactions(MongoTemplate mongo, Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
    }

    /** Sets the person's reaction to an item; the same reaction again changes nothing. */
    void react(String userId, String slug, String kind) {
        Update update = new Update().set("reaction", kind).set("slug", slug).set("userId", userId).set("at", clock.instant());
        Document before = mongo.findAndModify(byId(slug, userId), update,
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, REACTIONS);
        String previous = before == null ? null : before.getString("reaction");
        if (kind.equals(previous)) {
            return;
        }
        Update counts = new Update().inc(kind, 1);
        if (previous != null) {
            counts.inc(previous, -1);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(slug)), counts, COUNTS);
    }

    /** Removes the person's reaction, if any. */
    void remove(String userId, String slug) {
        Document before = mongo.findAndRemove(byId(slug, userId), Document.class, REACTIONS);
        if (before != null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(slug)), new Update().inc(before.getString("reaction"), -1), COUNTS);
        }
    }

    /** The count of each kind for an item, zeros included. */
    public Map<String, Integer> counts(String slug) {
        Document stored = mongo.findById(slug, Document.class, COUNTS);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : KINDS) {
            counts.put(kind, stored == null ? 0 : stored.getInteger(kind, 0));
        }
        return counts;
    }

    Optional<String> of(String userId, String slug) {
        return Optional.ofNullable(mongo.findById(slug + "/" + userId, Document.class, REACTIONS))
                .map(doc -> doc.getString("reaction"));
    }

    /** Removes every reaction of the person, moving the counts back. A scan by {@code userId}; erasure is rare. */
    @Override
    public long eraseAllOf(String userId) {
        long removed = 0;
        for (Document reaction : mongo.find(Query.query(Criteria.where("userId").is(userId)), Document.class, REACTIONS)) {
            remove(userId, reaction.getString("slug"));
            removed++;
        }
        return removed;
    }

    private static Query byId(String slug, String userId) {
        return Query.query(Criteria.where("_id").is(slug + "/" + userId));
    }
}
