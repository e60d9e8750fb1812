package org.mhconnect.gateway.identity.account;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account as stored. The e-mail is kept in lower case under a unique index, which every MongoDB honours,
 * mongo-java-server included: sign-in looks it up, and a second sign-up with the same address fails there.
 * {@code emailVerified} is a {@code Boolean} on purpose: documents written before it existed have none, and count
 * as verified.
 */
@Document("accounts")
public record AccountDocument(
        @Id String id,
        @Indexed(unique = true) String email,
        String passwordHash,
        String displayName,
        String timeZone,
        String locale,
        Set<Role> roles,
        Instant createdAt,
        Instant deletionRequestedAt,
        Boolean emailVerified,
        @Version Long version) {

    public AccountDocument withProfile(String displayName, String timeZone, String locale) {
        return new AccountDocument(id, email, passwordHash, displayName, timeZone, locale, roles, createdAt,
                deletionRequestedAt, emailVerified, version);
    }

    public AccountDocument withPasswordHash(String hash) {
        return new AccountDocument(id, email, hash, displayName, timeZone, locale, roles, createdAt,
                deletionRequestedAt, emailVerified, version);
    }

    public AccountDocument withEmail(String newEmail) {
        // Only the confirmation link sent to the new address changes it: that proves the address, too.
        return new AccountDocument(id, newEmail, passwordHash, displayName, timeZone, locale, roles, createdAt,
                deletionRequestedAt, true, version);
    }

    public AccountDocument withDeletionRequestedAt(Instant requestedAt) {
        return new AccountDocument(id, email, passwordHash, displayName, timeZone, locale, roles, createdAt,
                requestedAt, emailVerified, version);
    }

    public AccountDocument withRoles(Set<Role> newRoles) {
        return new AccountDocument(id, email, passwordHash, displayName, timeZone, locale, newRoles, createdAt,
                deletionRequestedAt, emailVerified, version);
    }

    public AccountDocument withEmailVerified() {
        return new AccountDocument(id, email, passwordHash, displayName, timeZone, locale, roles, createdAt,
                deletionRequestedAt, true, version);
    }

    /**
     * Whether the person has shown they read mail at this address. Accounts from before e-mail verification have
     * no value and count as verified; a sign-up starts with {@code false}.
     */
    public boolean isEmailVerified() {
        return !Boolean.FALSE.equals(emailVerified);
    }

    /** An account whose deletion has been asked for can no longer sign in. */
    public boolean pendingDeletion() {
        return deletionRequestedAt != null;
    }
}
