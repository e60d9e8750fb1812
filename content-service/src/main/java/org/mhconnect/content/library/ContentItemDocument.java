package org.mhconnect.content.library;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item as stored. The slug is the id, so the unique {@code _id} index makes seeding idempotent on every
 * MongoDB, including mongo-java-server. The compound index serves the list filter on a real MongoDB; on
 * mongo-java-server that query scans, which a library of this size can afford.
 */
@Document("items")
@CompoundIndex(name = "status_type_published", def = "{'status': 1, 'type': 1, 'publishedAt': -1}")
public record ContentItemDocument(
        @Id String slug,
        ContentType type,
        String title,
        String summary,
        String body,
        List<String> topics,
        List<String> habits,
        int minutes,
        String author,
        List<Step> steps,
        ContentStatus status,
        Instant publishedAt,
        Instant publishAt,
        Instant updatedAt,
        String updatedBy,
        List<String> recentEvents,
        @Version Long version) {

    /**
     * One step of a guided practice.
     *
     * @param seconds an optional timer for the step
     */
    public record Step(String text, Integer seconds) {
    }

    /**
     * Where an item is in its life. Only {@code PUBLISHED} items are shown to readers. {@code SCHEDULED} items become
     * {@code PUBLISHED} at {@code publishAt}.
     */
    public enum ContentStatus {
        DRAFT,
        SCHEDULED,
        PUBLISHED,
        WITHDRAWN
    }
}
