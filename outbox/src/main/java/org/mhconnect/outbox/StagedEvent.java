package org.mhconnect.outbox;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * One event waiting for Kafka's acknowledgement. An outbox collection holds pending events only, so it stays small
 * and the relay's scan needs no secondary index (a real MongoDB gets one on {@code stagedAt} all the same).
 *
 * @param eventId     the event's id, the document's {@code _id}
 * @param topic       where it goes
 * @param key         its Kafka key: events with the same key are published in the order they were staged
 * @param type        its logical type ({@code journal.entry-recorded}), never a Java class name
 * @param aggregateId what it describes (an entry, an item), for the service's {@link ChangeCheck}
 * @param payload     the event's JSON; events carry no journal text
 * @param stagedAt    when it was staged, just before the change was written
 * @param traceparent the W3C trace context of the request that staged it, which the relay continues; {@code null}
 *                    when there was none
 */
public record StagedEvent(@Id String eventId, String topic, String key, String type, String aggregateId,
        String payload, Instant stagedAt, String traceparent) {
}
