package org.mhconnect.journal.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.mhconnect.journal.crypto.DataKey;
import org.mhconnect.journal.crypto.DataKeys;
import org.mhconnect.journal.erasure.AccountErasedException;
import org.mhconnect.journal.erasure.ErasedPeople;
import org.mhconnect.journal.erasure.JournalErasure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each person's one safety plan, sealed under their data key with associated data that binds it to its owner and
 * its purpose, so a ciphertext copied into another person's plan, or into an entry, does not open. Reads and
 * changes go by {@code _id} = the caller's id, so nobody can reach another person's plan.
 */
@Component
public class SafetyPlans implements JournalErasure {

    static final String SEALED_PURPOSE = "safety-plan";

    private final MongoTemplate mongo;
    private final DataKeys dataKeys;
    private final ErasedPeople erased;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    SafetyPlans(MongoTemplate mongo, DataKeys dataKeys, ErasedPeople erased, JsonMapper json, Validator validator,
            Clock clock) {
        this.mongo = mongo;
        this.dataKeys = dataKeys;
        this.erased = erased;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /** A plan as read back: what it says, and when and how often it changed. */
    public record Stored(SafetyPlan plan, Instant createdAt, Instant updatedAt, long version) {
    }

    /** The person's plan, opened; empty when they have none or no longer have a data key. */
    public Optional<Stored> find(String userId) {
        SafetyPlanDocument stored = mongo.findById(userId, SafetyPlanDocument.class);
        if (stored == null) {
            return Optional.empty();
        }
        return dataKeys.forReading(userId).map(key -> open(key, stored));
    }

    /**
     * Writes the whole plan. Without {@code expectedVersion} it must be the person's first; with it, it replaces
     * the plan only if that is still its version. Otherwise nothing changes and the answer is a conflict.
     */
    Stored save(String userId, SafetyPlan plan, Long expectedVersion) {
        refuseErased(userId);
        DataKey key = dataKeys.forWriting(userId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SafetyPlanDocument current = mongo.findById(userId, SafetyPlanDocument.class);
        if (current == null) {
            if (expectedVersion != null) {
                throw new SafetyPlanChangedException(null);
            }
            return insert(userId, key, plan, now);
        }
        if (expectedVersion == null || current.version() != expectedVersion) {
            throw new SafetyPlanChangedException(current.version());
        }
        SafetyPlanDocument changed = new SafetyPlanDocument(userId, seal(key, userId, plan), current.createdAt(), now,
                current.version() + 1);
        Query sameVersion = Query.query(Criteria.where("_id").is(userId).and("version").is(current.version()));
        Update replace = new Update().set("sealed", changed.sealed()).set("updatedAt", now).set("version", changed.version());
        if (mongo.updateFirst(sameVersion, replace, SafetyPlanDocument.class).getModifiedCount() == 0) {
            throw new SafetyPlanChangedException(currentVersion(userId));
        }
        return new Stored(plan, changed.createdAt(), changed.updatedAt(), changed.version());
    }

    /** Deletes the plan; with {@code expectedVersion}, only if that is still its version. */
    void delete(String userId, Long expectedVersion) {
        SafetyPlanDocument current = mongo.findById(userId, SafetyPlanDocument.class);
        if (current == null) {
            throw new SafetyPlanNotFoundException();
        }
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new SafetyPlanChangedException(current.version());
        }
        Query sameVersion = Query.query(Criteria.where("_id").is(userId).and("version").is(current.version()));
        if (mongo.remove(sameVersion, SafetyPlanDocument.class).getDeletedCount() == 0) {
            throw new SafetyPlanChangedException(currentVersion(userId));
        }
    }

    /** Checks a plan from an import exactly as a request would be checked, without writing anything. */
    public void check(SafetyPlan plan) {
        Set<ConstraintViolation<SafetyPlanRequest>> violations = validator.validate(SafetyPlanRequest.of(plan));
        if (!violations.isEmpty()) {
            ConstraintViolation<SafetyPlanRequest> first = violations.iterator().next();
            throw new InvalidSafetyPlanException(first.getPropertyPath() + " " + first.getMessage());
        }
    }

    /** Restores an exported plan when the person has none; a plan they already have is kept. Returns whether it was. */
    public boolean restore(String userId, SafetyPlan plan) {
        refuseErased(userId);
        if (mongo.findById(userId, SafetyPlanDocument.class) != null) {
            return false;
        }
        try {
            insert(userId, dataKeys.forWriting(userId), plan, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return true;
        }
        catch (SafetyPlanChangedException ex) {
            return false;
        }
    }

    @Override
    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(userId)), SafetyPlanDocument.class).getDeletedCount();
    }

    private Stored insert(String userId, DataKey key, SafetyPlan plan, Instant now) {
        try {
            mongo.insert(new SafetyPlanDocument(userId, seal(key, userId, plan), now, now, 0));
        }
        catch (DuplicateKeyException ex) {
            // Another device wrote the first plan a moment earlier: theirs stands, and this one is told so.
            throw new SafetyPlanChangedException(currentVersion(userId));
        }
        return new Stored(plan, now, now, 0);
    }

    private Long currentVersion(String userId) {
        SafetyPlanDocument now = mongo.findById(userId, SafetyPlanDocument.class);
        return now == null ? null : now.version();
    }

    private void refuseErased(String userId) {
        if (erased.contains(userId)) {
            throw new AccountErasedException();
        }
    }

    private byte[] seal(DataKey key, String userId, SafetyPlan plan) {
        return key.seal(SEALED_PURPOSE, userId, json.writeValueAsBytes(plan));
    }

    private Stored open(DataKey key, SafetyPlanDocument stored) {
        SafetyPlan plan = json.readValue(key.open(SEALED_PURPOSE, stored.userId(), stored.sealed()), SafetyPlan.class);
        return new Stored(plan, stored.createdAt(), stored.updatedAt(), stored.version());
    }
}
