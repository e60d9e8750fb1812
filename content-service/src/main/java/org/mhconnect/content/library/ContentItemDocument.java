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
record ContentItemDocument(
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
        @Version Long version) {

    /**
     * One step of a guided practice.
     *
     * @param seconds an optional timer for the step
     */
    record Step(String text, Integer seconds) {
    }

    enum ContentStatus {
        DRAFT,
        PUBLISHED,
        WITHDRAWN
    }
}
