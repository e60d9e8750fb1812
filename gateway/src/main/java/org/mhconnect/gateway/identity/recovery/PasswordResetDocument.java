package org.mhconnect.gateway.identity.recovery;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one pending password reset of an account, keyed by the account: a new request replaces the old link. The
 * link's token is stored only as a hash, under a unique index, which is how the link finds it.
 *
 * @param userId    whose password
 * @param tokenHash the SHA-256 of the link's token
 * @param expiresAt when the link stops working
 * @param sentAt    when reset links were mailed in the last hour, for the limit on mails
 */
@Document("password_resets")
record PasswordResetDocument(@Id String userId, @Indexed(unique = true) String tokenHash, Instant expiresAt,
        List<Instant> sentAt) {
}
