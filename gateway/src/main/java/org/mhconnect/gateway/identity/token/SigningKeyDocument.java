package org.mhconnect.gateway.identity.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing key as stored: the JWK with its private part, so that every gateway instance signs with the same
 * key. The newest key signs; older ones stay published until no token signed with them can still be valid.
 */
@Document("signing_keys")
record SigningKeyDocument(@Id String kid, String jwk, Instant createdAt) {
}
