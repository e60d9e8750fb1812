package org.mhconnect.events.notification;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * A reminder reached a person on one channel. Ids only.
 *
 * @param channel {@code email}, {@code webhook} or {@code inbox}
 * @param inboxItemId for the inbox channel, the new item's id (live views fetch it); otherwise null
 */
public record NotificationDelivered(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String occurrenceId,
        String reminderId,
        String channel,
        String inboxItemId) implements DomainEvent {
}
