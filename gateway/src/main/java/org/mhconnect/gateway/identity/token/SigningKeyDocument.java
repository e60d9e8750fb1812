package org.mhconnect.gateway.identity.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing key as stored, so that every gateway instance signs with the same key: {@code sealed} is the JWK with its
 * private part, sealed by {@link KeyEncryption} with the {@code kid} as associated data. {@code jwk} is the same JWK
 * in clear, as gateways before encryption stored it; it is only read, and sealed on the next start. The newest key
 * signs; older ones stay published until no token signed with them can still be valid.
 */
@Document("signing_keys")
record SigningKeyDocument(@Id String kid, String jwk, String sealed, Instant createdAt) {
}
