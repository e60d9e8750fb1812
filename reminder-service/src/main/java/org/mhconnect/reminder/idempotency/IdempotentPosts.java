package org.mhconnect.reminder.idempotency;

import java.time.Clock;

import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * reminder-service's {@code Idempotency-Key}s, in the {@code idempotency_keys} collection: per person, kept 24 hours,
 * and erased with the account. What is kept of an answer is the created reminder's id.
 */
@Component
public class IdempotentPosts extends IdempotentRequests implements ReminderErasure {

    IdempotentPosts(MongoTemplate mongo, Clock clock) {
        super(mongo, clock, "idempotency_keys");
    }
}
