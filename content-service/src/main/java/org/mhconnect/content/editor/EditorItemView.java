package org.mhconnect.content.editor;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.mhconnect.content.library.ContentItemDocument;

/**
 * An item as an editor sees it, in any state.
 *
 * @param status    {@code draft}, {@code scheduled}, {@code published} or {@code withdrawn}
 * @param bodyHtml  the body as readers will see it: rendered and sanitised
 * @param publishAt when a scheduled item goes out
 * @param version   send it back with the next change
 */
record EditorItemView(String slug, String type, String status, String title, String summary, String body,
        String bodyHtml, List<String> topics, List<String> habits, int minutes, String author,
        List<ContentItemDocument.Step> steps, Instant publishedAt, Instant publishAt, Instant updatedAt, long version) {

    static EditorItemView of(ContentItemDocument item, String bodyHtml) {
        return new EditorItemView(item.slug(), item.type().name().toLowerCase(Locale.ROOT),
                item.status().name().toLowerCase(Locale.ROOT), item.title(), item.summary(), item.body(), bodyHtml,
                item.topics() == null ? List.of() : item.topics(), item.habits() == null ? List.of() : item.habits(),
                item.minutes(), item.author(), item.steps() == null ? List.of() : item.steps(), item.publishedAt(),
                item.publishAt(), item.updatedAt(), item.version() == null ? 0 : item.version());
    }

    /** One line of the editor's list. */
    record Line(String slug, String type, String status, String title, Instant publishedAt, Instant publishAt,
            Instant updatedAt, long version) {

        static Line of(ContentItemDocument item) {
            return new Line(item.slug(), item.type().name().toLowerCase(Locale.ROOT),
                    item.status().name().toLowerCase(Locale.ROOT), item.title(), item.publishedAt(), item.publishAt(),
                    item.updatedAt(), item.version() == null ? 0 : item.version());
        }
    }

    record Lines(List<Line> items, int page, int size, long total) {
    }
}
