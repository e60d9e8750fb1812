package org.mhconnect.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;

/**
 * Runs a creating request once per person and {@code Idempotency-Key}. The first request claims the key by inserting
 * a document whose {@code _id} is a hash of the person and the key, so the unique {@code _id} index decides between
 * concurrent duplicates: exactly one writes, the other is answered 409. When the first succeeds, its status,
 * {@code Location} and what the caller chose to remember (the created resource's id; never private words) are kept for
 * 24 hours; the same key with the same request then gets that answer again, rendered afresh, and the same key with
 * another request gets 422. A request that fails frees its key, so it can be corrected and sent again.
 * <p>
 * A process can stop (kill -9, a lost machine) after the work has written but before the answer is kept. The claim
 * therefore reserves the id of what the request creates: work that creates under that id
 * ({@link #once(String, String, String, Function, Function, Function)}) can be run again for the same key without
 * creating twice, because the second run finds what the first one wrote; such a claim is taken over once it is
 * {@link #RESERVED_ABANDONED_AFTER} old, longer than the gateway lets any request take. Work that makes its own ids
 * keeps the longer {@link #ABANDONED_AFTER}.
 * <p>
 * Expiry rests on the {@code expiresAt} field, checked on every use, and on a sweep at most every ten minutes; a
 * real MongoDB also removes expired documents itself through a TTL index (mongo-java-server ignores TTL indexes).
 */
public class IdempotentRequests {

    /** What is kept of a first answer: enough to give it again. {@code remembered} is the caller's choice. */
    public record Recorded(int status, String location, String remembered) {
    }

    static final Duration KEEP_FOR = Duration.ofHours(24);
    /** A claim this old whose request never finished (the process stopped) may be taken over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);
    /**
     * The same, for work that creates under the reserved id: longer than the gateway waits for any answer (12 s), so
     * the first run has ended, and running again cannot create twice anyway.
     */
    static final Duration RESERVED_ABANDONED_AFTER = Duration.ofSeconds(30);

    /** A claim: the id reserved for what the request creates, or the answer of a first request that finished. */
    private record Claim(String reservedId, Recorded earlier) {
    }
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String collection;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public IdempotentRequests(MongoTemplate mongo, Clock clock, String collection) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = collection;
        mongo.indexOps(collection).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** A fingerprint of a request: its operation (method and path) and its body, as SHA-256 in hex. */
    public static String fingerprint(String operation, byte[] body) {
        MessageDigest digest = fingerprinting(operation);
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The digest behind {@link #fingerprint}, already fed with the operation, for a body too large to hold: feed it
     * the body as it streams by; the hex of its result is the fingerprint.
     */
    public static MessageDigest fingerprinting(String operation) {
        MessageDigest digest = sha256();
        digest.update(operation.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return digest;
    }

    /**
     * Runs {@code work} once for this person and key. Without a key ({@code null}) it simply runs it.
     *
     * @param remember what to keep of a successful answer to give it again (e.g. the created id)
     * @param replay renders the answer again from what was kept
     */
    public <T> ResponseEntity<T> once(String userId, String key, String fingerprint, Supplier<ResponseEntity<T>> work,
            Function<ResponseEntity<T>, String> remember, Function<Recorded, ResponseEntity<T>> replay) {
        return run(userId, key, fingerprint, reserved -> work.get(), remember, replay, ABANDONED_AFTER);
    }

    /**
     * Runs {@code work} once for this person and key, giving it the id to create under: the same id for every run of
     * the same key, so that work which creates under it, and answers with what is already there when it exists,
     * never creates twice, even when a first run's process stopped after writing. Without a key, a new random id.
     *
     * @param work creates under the reserved id (or finds what an earlier run created under it)
     */
    public <T> ResponseEntity<T> once(String userId, String key, String fingerprint,
            Function<String, ResponseEntity<T>> work, Function<ResponseEntity<T>, String> remember,
            Function<Recorded, ResponseEntity<T>> replay) {
        return run(userId, key, fingerprint, work, remember, replay, RESERVED_ABANDONED_AFTER);
    }

    private <T> ResponseEntity<T> run(String userId, String key, String fingerprint,
            Function<String, ResponseEntity<T>> work, Function<ResponseEntity<T>, String> remember,
            Function<Recorded, ResponseEntity<T>> replay, Duration abandonedAfter) {
        if (IdempotencyKey.check(key) == null) {
            return work.apply(UUID.randomUUID().toString());
        }
        String id = idOf(userId, key);
        Claim claim = claim(id, userId, fingerprint, keyed(userId, key, fingerprint), abandonedAfter);
        if (claim.earlier() != null) {
            return replay.apply(claim.earlier());
        }
        ResponseEntity<T> answer;
        try {
            answer = work.apply(claim.reservedId());
        }
        catch (RuntimeException | Error failed) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("in-flight")), collection);
            throw failed;
        }
        if (!answer.getStatusCode().is2xxSuccessful()) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is("in-flight")), collection);
            return answer;
        }
        URI location = answer.getHeaders().getLocation();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("state", "done")
                .set("status", answer.getStatusCode().value())
                .set("location", location == null ? null : location.toString())
                .set("remembered", remember.apply(answer)), collection);
        return answer;
    }

    /** Removes every key of a person; for account erasure. Returns how many there were. */
    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("userId").is(userId)), collection).getDeletedCount();
    }

    /** Claims the key (with the id it reserves), or returns the earlier answer to give again; 409 or 422 otherwise. */
    private Claim claim(String id, String userId, String fingerprint, String keyedFingerprint, Duration abandonedAfter) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        sweepIfDue(now);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                String reservedId = UUID.randomUUID().toString();
                mongo.insert(new Document("_id", id).append("userId", userId).append("fingerprint", keyedFingerprint)
                        .append("state", "in-flight").append("claimedAt", Date.from(now)).append("reservedId", reservedId)
                        .append("expiresAt", Date.from(now.plus(KEEP_FOR))), collection);
                return new Claim(reservedId, null);
            }
            catch (DuplicateKeyException duplicate) {
                Document existing = mongo.findById(id, Document.class, collection);
                if (existing == null) {
                    continue; // removed in between: claim again
                }
                Date expiresAt = existing.getDate("expiresAt");
                if (!expiresAt.toInstant().isAfter(now)) {
                    mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").is(expiresAt)), collection);
                    continue;
                }
                // A claim kept before fingerprints were keyed holds the plain digest; it expires within a day.
                String kept = existing.getString("fingerprint");
                if (!keyedFingerprint.equals(kept) && !fingerprint.equals(kept)) {
                    throw IdempotencyProblem.reusedForAnotherRequest();
                }
                if ("done".equals(existing.getString("state"))) {
                    return new Claim(null, new Recorded(existing.getInteger("status"), existing.getString("location"),
                            existing.getString("remembered")));
                }
                Date claimedAt = existing.getDate("claimedAt");
                if (claimedAt.toInstant().plus(abandonedAfter).isAfter(now)) {
                    throw IdempotencyProblem.stillInFlight();
                }
                // The first request was abandoned (its process stopped): take the claim over, with the id it reserved
                // (a claim kept before ids were reserved gets one now).
                String reservedId = existing.getString("reservedId") == null ? UUID.randomUUID().toString()
                        : existing.getString("reservedId");
                boolean tookOver = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is("in-flight")
                        .and("claimedAt").is(claimedAt)), new Update().set("claimedAt", Date.from(now))
                        .set("reservedId", reservedId), collection).getModifiedCount() == 1;
                if (tookOver) {
                    return new Claim(reservedId, null);
                }
            }
        }
        throw IdempotencyProblem.stillInFlight();
    }

    private void sweepIfDue(Instant now) {
        Instant last = lastSweep.get();
        if (last.plus(SWEEP_EVERY).isBefore(now) && lastSweep.compareAndSet(last, now)) {
            mongo.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(now))), collection);
        }
    }

    /**
     * What the claim keeps of a request's fingerprint: an HMAC-SHA256 of it under the person's Idempotency-Key, which is
     * never stored. A plain digest of a short body could be found by trying likely bodies (a journal entry of a few
     * words); this one can only be checked by someone who holds the key, that is, the client that sent the request.
     */
    static String keyed(String userId, String key, String fingerprint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((userId + "\u0000" + key).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(fingerprint.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The {@code _id} of a person's key in the collection: a hash, so that the key itself is not stored. */
    public static String idOf(String userId, String key) {
        return fingerprint(userId, key.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
