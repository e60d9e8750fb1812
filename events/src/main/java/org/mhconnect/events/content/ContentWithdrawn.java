package org.mhconnect.events.content;

import java.time.Instant;
import java.util.UUID;

/** A published item was taken down; readers no longer see it. */
public record ContentWithdrawn(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String slug,
        String type,
        long version) implements ContentEvent {
}
