package org.mhconnect.journal.idempotency;

import java.time.Clock;

import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.journal.erasure.JournalErasure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The journal's {@code Idempotency-Key}s, in the {@code idempotency_keys} collection: per person, kept 24 hours, and
 * erased with the account. What is kept of an answer is the created id (or, for an import, its counts), never words.
 */
@Component
public class IdempotentPosts extends IdempotentRequests implements JournalErasure {

    IdempotentPosts(MongoTemplate mongo, Clock clock) {
        super(mongo, clock, "idempotency_keys");
    }
}
