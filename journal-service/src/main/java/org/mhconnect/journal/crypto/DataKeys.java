package org.mhconnect.journal.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.bson.types.Binary;
import org.mhconnect.journal.JournalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every person's data key, stored only wrapped (AES-256-GCM under the active master key, bound to the person's id)
 * in the {@code data_keys} collection under {@code _id = userId}. Unwrapped keys are kept in memory for a few
 * minutes. Destroying a key makes every copy of that person's sealed data unreadable, backups included.
 */
@Component
public class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    static final String COLLECTION = "data_keys";

    private final MongoTemplate mongo;
    private final MasterKeyRing masterKeys;
    private final Clock clock;
    private final Cache<String, DataKey> unwrapped;

    DataKeys(MongoTemplate mongo, MasterKeyRing masterKeys, Clock clock, JournalProperties properties) {
        this.mongo = mongo;
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.unwrapped = Caffeine.newBuilder()
                .expireAfterWrite(properties.encryption().keyCacheFor())
                .maximumSize(50_000)
                .build();
    }

    /** The person's key, created on their first write. */
    public DataKey forWriting(String userId) {
        return forReading(userId).orElseGet(() -> create(userId));
    }

    /** The person's key, if they have one. */
    public Optional<DataKey> forReading(String userId) {
        DataKey cached = unwrapped.getIfPresent(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document stored = mongo.findById(userId, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        DataKey key = unwrap(userId, stored);
        if (!masterKeys.activeId().equals(stored.getString("masterKeyId"))) {
            rewrap(userId, stored);
        }
        unwrapped.put(userId, key);
        return Optional.of(key);
    }

    /** Crypto-shredding: after this, nothing sealed for this person can be opened again. */
    public void destroy(String userId) {
        mongo.remove(Query.query(Criteria.where("_id").is(userId)), COLLECTION);
        unwrapped.invalidate(userId);
    }

    /** Moves every data key that is still wrapped by an older master key to the active one; returns how many. */
    public int rewrapAll() {
        Query older = Query.query(Criteria.where("masterKeyId").ne(masterKeys.activeId()));
        int moved = 0;
        int failed = 0;
        for (Document stored : mongo.find(older, Document.class, COLLECTION)) {
            try {
                if (rewrap(stored.getString("_id"), stored)) {
                    moved++;
                }
            }
            catch (UnreadableDataException | IllegalStateException ex) {
                // One key that does not open must not stop the others from moving; it stays where it is.
                failed++;
            }
        }
        if (failed > 0) {
            log.warn("{} data keys could not be rewrapped: their master key is missing or does not open them", failed);
        }
        return moved;
    }

    private DataKey create(String userId) {
        byte[] raw = Aead.randomKeyBytes();
        Document stored = new Document("_id", userId)
                .append("wrapped", new Binary(Aead.seal(masterKeys.active(), raw, wrappingContext(userId))))
                .append("masterKeyId", masterKeys.activeId())
                .append("createdAt", clock.instant());
        try {
            mongo.insert(stored, COLLECTION);
        }
        catch (DuplicateKeyException ex) {
            // Another request created it first; use theirs.
            return forReading(userId).orElseThrow();
        }
        DataKey key = new DataKey(userId, new SecretKeySpec(raw, "AES"));
        unwrapped.put(userId, key);
        return key;
    }

    private DataKey unwrap(String userId, Document stored) {
        byte[] wrapped = stored.get("wrapped", Binary.class).getData();
        byte[] raw = Aead.open(masterKeys.get(stored.getString("masterKeyId")), wrapped, wrappingContext(userId));
        return new DataKey(userId, new SecretKeySpec(raw, "AES"));
    }

    private boolean rewrap(String userId, Document stored) {
        String from = stored.getString("masterKeyId");
        byte[] raw = Aead.open(masterKeys.get(from), stored.get("wrapped", Binary.class).getData(), wrappingContext(userId));
        byte[] rewrapped = Aead.seal(masterKeys.active(), raw, wrappingContext(userId));
        // Conditional on the old key id, so two instances rewrapping at once cannot undo each other.
        Query unchanged = Query.query(Criteria.where("_id").is(userId).and("masterKeyId").is(from));
        boolean moved = mongo.updateFirst(unchanged,
                new Update().set("wrapped", new Binary(rewrapped)).set("masterKeyId", masterKeys.activeId()), COLLECTION)
                .getModifiedCount() > 0;
        if (moved) {
            log.debug("Rewrapped a data key from master key {} to {}", from, masterKeys.activeId());
        }
        return moved;
    }

    private static byte[] wrappingContext(String userId) {
        return ("data-key\0" + userId).getBytes(StandardCharsets.UTF_8);
    }
}
