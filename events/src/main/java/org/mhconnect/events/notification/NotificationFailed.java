package org.mhconnect.events.notification;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * A reminder could not reach a person on one channel after every attempt.
 *
 * @param reason a short technical reason ("HTTP 500", "timed out"); never anything the person wrote
 */
public record NotificationFailed(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String occurrenceId,
        String reminderId,
        String channel,
        int attempts,
        String reason) implements DomainEvent {
}
