package org.mhconnect.gateway.identity.email;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one link that can confirm an account's address, keyed by the account: a new link replaces the old one. The
 * token is stored only as a hash, under a unique index, which is how the link finds it.
 *
 * @param userId    whose address
 * @param tokenHash the SHA-256 of the link's token
 * @param email     the address the link was sent to; it confirms nothing once the account uses another
 * @param expiresAt when the link stops working
 * @param sentAt    when links were mailed in the last hour, for the limit on sending again
 */
@Document("email_verifications")
record EmailVerificationDocument(@Id String userId, @Indexed(unique = true) String tokenHash, String email,
        Instant expiresAt, List<Instant> sentAt) {
}
