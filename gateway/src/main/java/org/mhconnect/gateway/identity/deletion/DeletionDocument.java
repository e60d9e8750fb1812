package org.mhconnect.gateway.identity.deletion;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of an account deletion, keyed by the user id. It holds no personal data: only which services have
 * confirmed the erasure and when, so that the person (while their token lives) and operators can see it finish.
 */
@Document("deletions")
record DeletionDocument(@Id String userId, Instant requestedAt, Set<String> confirmedBy, Instant lastAnnouncedAt,
        Instant completedAt) {
}
