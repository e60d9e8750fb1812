package org.mhconnect.events.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published item was changed by an editor and readers now see the new version. Same fields as
 * {@link ContentPublished}.
 */
public record ContentUpdated(
        UUID eventId,
        Instant occurredAt,
        String userId,
        String slug,
        String type,
        String title,
        String summary,
        List<String> topics,
        List<String> habits,
        int minutes,
        Instant publishedAt,
        long version) implements ContentEvent {

    public ContentUpdated {
        topics = List.copyOf(topics);
        habits = List.copyOf(habits);
    }
}
