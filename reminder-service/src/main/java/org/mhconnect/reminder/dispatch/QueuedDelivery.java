package org.mhconnect.reminder.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery still to be attempted. The collection holds only these, so the worker's scan stays small without a
 * secondary index. {@code leaseUntil} lets exactly one instance attempt it at a time, and lets another take over when
 * that instance dies. {@code traceparent} is the firing's trace (W3C), which every attempt continues; {@code null} on
 * deliveries queued before tracing. {@code attempts}, {@code nextAttemptAt} and {@code lastError} are the retry
 * state, kept here rather than in memory so that a restart carries on where the last attempt left off.
 */
@Document("delivery_queue")
record QueuedDelivery(@Id String id, String userId, String reminderId, String occurrenceId, String channel,
        Instant scheduledAt, Instant fireAt, int attempts, Instant nextAttemptAt, Instant leaseUntil, String traceparent, String lastError) {
}
