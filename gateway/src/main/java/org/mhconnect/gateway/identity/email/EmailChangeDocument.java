package org.mhconnect.gateway.identity.email;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A change of e-mail address waiting for its confirmation link; the link's token is stored only as a hash. */
@Document("email_changes")
record EmailChangeDocument(@Id String tokenHash, String userId, String newEmail, Instant expiresAt) {
}
