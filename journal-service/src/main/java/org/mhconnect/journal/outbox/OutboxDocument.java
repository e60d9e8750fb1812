package org.mhconnect.journal.outbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event waiting to be acknowledged by Kafka. The collection only ever holds pending events, so the
 * relay's scan stays small without a secondary index.
 *
 * @param aggregateId the entry the event is about; the relay publishes only when it exists
 * @param payload     the event's JSON; events carry no journal text
 * @param traceparent the trace of the request that staged it (W3C), continued by the relay; absent on records
 *                    staged before tracing
 */
@Document("outbox")
record OutboxDocument(@Id String eventId, String topic, String type, String aggregateId, String payload,
        Instant stagedAt, String traceparent) {
}
