package org.mhconnect.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on Kafka carries. The user id is the record key, so one person's events stay in order.
 */
public interface DomainEvent {

    /** Unique per event; consumers use it to recognise a redelivery. */
    UUID eventId();

    /** When the fact happened, in UTC. */
    Instant occurredAt();

    /** Whose fact this is; also the Kafka record key. */
    String userId();
}
