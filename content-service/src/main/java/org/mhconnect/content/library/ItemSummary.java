package org.mhconnect.content.library;

import java.time.Instant;
import java.util.List;

/** An item as a list shows it: enough to choose, without the body. */
public record ItemSummary(String slug, String type, String title, String summary, List<String> topics, int minutes,
        Instant publishedAt) {

    static ItemSummary of(ContentItemDocument item) {
        return new ItemSummary(item.slug(), item.type().name().toLowerCase(), item.title(), item.summary(),
                item.topics(), item.minutes(), item.publishedAt());
    }
}
