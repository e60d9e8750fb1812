package org.mhconnect.events.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item of the library became visible to readers: published now, or its scheduled time arrived. It carries what
 * a listing or a digest shows, not the body.
 *
 * @param userId      the editor who published it (for a scheduled item, who scheduled it)
 * @param slug        the item's id; content events are keyed by it, so one item's events stay in order
 * @param type        {@code article} or {@code practice}
 * @param version     the item's version after the change
 */
public record ContentPublished(
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

    public ContentPublished {
        topics = List.copyOf(topics);
        habits = List.copyOf(habits);
    }
}
