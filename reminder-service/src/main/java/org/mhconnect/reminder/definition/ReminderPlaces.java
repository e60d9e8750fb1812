package org.mhconnect.reminder.definition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A person's places for reminders ({@link OwnerIndex}): at most {@link Reminders#MAX_PER_PERSON}, claimed in one
 * conditional update so the limit holds under concurrent requests, and in the order they were taken, which is the
 * order the person's reminders are listed in. Listing is a lookup by {@code _id} and an {@code $in}, never a query on
 * a secondary index.
 */
@Component
class ReminderPlaces {

    /** A claim younger than this may belong to a request that is writing its reminder right now. */
    private static final Duration SETTLED = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;

    ReminderPlaces(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Claims one of the person's places for {@code id}; 409 when all are taken. */
    void claim(String userId, String id) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), new Update().setOnInsert("ids", List.of()), OwnerIndex.class);
        if (!tryClaim(userId, id)) {
            dropOrphans(userId);
            if (!tryClaim(userId, id)) {
                throw new TooManyRemindersException();
            }
        }
    }

    /** Gives the place of {@code id} back. */
    void release(String userId, String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), new Update().pull("ids", id).unset("claims." + id),
                OwnerIndex.class);
    }

    /** The person's reminders, oldest first. */
    List<ReminderDocument> reminders(String userId) {
        OwnerIndex owner = mongo.findById(userId, OwnerIndex.class);
        if (owner == null || owner.ids() == null || owner.ids().isEmpty()) {
            return List.of();
        }
        Map<String, ReminderDocument> found = mongo.find(Query.query(Criteria.where("_id").in(owner.ids())), ReminderDocument.class)
                .stream().filter(reminder -> reminder.userId().equals(userId))
                .collect(Collectors.toMap(ReminderDocument::id, Function.identity()));
        return owner.ids().stream().filter(found::containsKey).map(found::get).toList();
    }

    /** Takes a free place for {@code id}, or keeps the one it has (a second run of the same request). */
    private boolean tryClaim(String userId, String id) {
        return mongo.updateFirst(
                Query.query(Criteria.where("_id").is(userId).orOperator(Criteria.where("ids").is(id),
                        Criteria.where("ids." + (Reminders.MAX_PER_PERSON - 1)).exists(false))),
                new Update().addToSet("ids", id).set("claims." + id, clock.instant()), OwnerIndex.class)
                .getModifiedCount() > 0;
    }

    /** Ids whose reminder was never written (the process stopped in between) give their place back, once settled. */
    private void dropOrphans(String userId) {
        OwnerIndex owner = mongo.findById(userId, OwnerIndex.class);
        if (owner == null) {
            return;
        }
        Set<String> existing = mongo.find(Query.query(Criteria.where("_id").in(owner.ids())), ReminderDocument.class)
                .stream().map(ReminderDocument::id).collect(Collectors.toSet());
        Instant settled = clock.instant().minus(SETTLED);
        List<String> orphans = owner.ids().stream()
                .filter(id -> !existing.contains(id))
                .filter(id -> owner.claims() == null || owner.claims().get(id) == null || owner.claims().get(id).isBefore(settled))
                .toList();
        for (String orphan : orphans) {
            release(userId, orphan);
        }
    }
}
