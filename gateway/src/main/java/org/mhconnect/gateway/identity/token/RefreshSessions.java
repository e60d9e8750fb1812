package org.mhconnect.gateway.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens: {@code <session id>.<secret>}, rotated on every use. The session is found by its id (the
 * unique key), and the secret is compared by hash. A token that was already used revokes the session, so a
 * stolen token is worth one use at most, and only until its owner refreshes.
 */
@Component
public class RefreshSessions {

    private static final Logger log = LoggerFactory.getLogger(RefreshSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final GatewayProperties properties;
    private final Clock clock;

    RefreshSessions(ReactiveMongoTemplate mongo, GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a session and returns its first refresh token. */
    public Mono<Issued> start(String userId, String userAgent) {
        Instant now = clock.instant();
        String secret = newSecret();
        SessionDocument session = new SessionDocument(UUID.randomUUID().toString(), userId, hash(secret), List.of(),
                now, now, now.plus(properties.identity().refreshTokenTtl()), abbreviate(userAgent), null, null);
        return mongo.insert(session).map(saved -> new Issued(saved.userId(), saved.id() + "." + secret, saved.expiresAt()));
    }

    /**
     * Exchanges a refresh token for its successor. Empty when the token is unknown, expired or revoked; a reused
     * token also revokes its session.
     */
    public Mono<Issued> rotate(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", 2);
        if (parts.length != 2) {
            return Mono.empty();
        }
        String presented = hash(parts[1]);
        Instant now = clock.instant();
        return mongo.findById(parts[0], SessionDocument.class)
                .filter(session -> session.active(now))
                .flatMap(session -> {
                    if (session.usedHashes().contains(presented)) {
                        log.warn("A used refresh token was presented again; session {} is revoked", session.id());
                        return revoke(session).then(Mono.<Issued>empty());
                    }
                    if (!MessageDigest.isEqual(session.currentHash().getBytes(StandardCharsets.US_ASCII),
                            presented.getBytes(StandardCharsets.US_ASCII))) {
                        return Mono.<Issued>empty();
                    }
                    String secret = newSecret();
                    List<String> used = new ArrayList<>(session.usedHashes());
                    used.add(presented);
                    SessionDocument next = new SessionDocument(session.id(), session.userId(), hash(secret), used,
                            session.createdAt(), now, now.plus(properties.identity().refreshTokenTtl()),
                            session.userAgent(), null, session.version());
                    // Optimistic locking: of two concurrent uses of the same token, only one succeeds.
                    return mongo.save(next)
                            .map(saved -> new Issued(saved.userId(), saved.id() + "." + secret, saved.expiresAt()))
                            .onErrorResume(OptimisticLockingFailureException.class, ex -> Mono.empty());
                });
    }

    /** Ends the session a refresh token belongs to, if the token is its current one. */
    public Mono<Void> end(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", 2);
        if (parts.length != 2) {
            return Mono.empty();
        }
        String presented = hash(parts[1]);
        return mongo.findById(parts[0], SessionDocument.class)
                .filter(session -> session.currentHash().equals(presented))
                .flatMap(this::revoke)
                .then();
    }

    /** The person's sessions that can still be used, newest first. */
    /** The session a refresh token belongs to (the part before the dot), or null for something else. */
    public static String sessionIdOf(String refreshToken) {
        if (refreshToken == null) {
            return null;
        }
        int dot = refreshToken.indexOf('.');
        return dot > 0 ? refreshToken.substring(0, dot) : null;
    }

    public Flux<SessionView> activeOf(String userId) {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("userId").is(userId)), SessionDocument.class)
                .filter(session -> session.active(now))
                .sort((a, b) -> b.lastUsedAt().compareTo(a.lastUsedAt()))
                .map(session -> new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.userAgent()));
    }

    /** Ends every session of a person, for example when the account is being deleted. */
    public Mono<Void> revokeAll(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId)), SessionDocument.class)
                .filter(session -> session.revokedAt() == null)
                .flatMap(this::revoke)
                .then();
    }

    /** Removes every trace of a person's sessions, once their account is gone. */
    public Mono<Void> forget(String userId) {
        return mongo.remove(Query.query(Criteria.where("userId").is(userId)), SessionDocument.class).then();
    }

    /** Revokes one of the person's own sessions; another person's session id changes nothing. */
    public Mono<Boolean> revoke(String userId, String sessionId) {
        return mongo.findById(sessionId, SessionDocument.class)
                .filter(session -> session.userId().equals(userId) && session.revokedAt() == null)
                .flatMap(session -> revoke(session).thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<SessionDocument> revoke(SessionDocument session) {
        return mongo.save(new SessionDocument(session.id(), session.userId(), session.currentHash(), session.usedHashes(),
                        session.createdAt(), session.lastUsedAt(), session.expiresAt(), session.userAgent(),
                        clock.instant(), session.version()))
                .onErrorResume(OptimisticLockingFailureException.class,
                        ex -> mongo.findById(session.id(), SessionDocument.class).flatMap(this::revoke));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }

    private static String abbreviate(String userAgent) {
        if (userAgent == null) {
            return "unknown";
        }
        return userAgent.length() <= 120 ? userAgent : userAgent.substring(0, 120);
    }

    /** A refresh token for a person, and when it stops working. */
    public record Issued(String userId, String token, Instant expiresAt) {
    }

    /** A session as its owner sees it. */
    public record SessionView(String id, Instant createdAt, Instant lastUsedAt, String device) {
    }
}
