package org.mhconnect.gateway.identity.token;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed-in session: one family of refresh tokens. Only SHA-256 hashes of the tokens are stored. The current
 * hash may be used once; the hashes it replaced are kept, so that presenting one of them again is recognised
 * as theft and revokes the whole family.
 */
@Document("sessions")
record SessionDocument(
        @Id String id,
        String userId,
        String currentHash,
        List<String> usedHashes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        String userAgent,
        Instant revokedAt,
        @Version Long version) {

    boolean active(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
