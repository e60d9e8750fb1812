package org.mhconnect.reminder.dispatch;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One occurrence on one channel. The id {@code <occurrenceId>/<channel>} is unique, so a redelivered
 * {@code reminder.due} finds its delivery already there and sends nothing twice.
 *
 * @param status PENDING, SENT or FAILED
 */
@Document("deliveries")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "user", def = "{'userId': 1}")
record DeliveryDocument(@Id String id, String userId, String reminderId, String occurrenceId, String channel,
        Instant scheduledAt, Instant fireAt, String status, int attempts, String lastError, Instant createdAt,
        Instant finishedAt) {
}
