package org.mhconnect.content.library;

import java.time.Instant;
import java.util.List;

/**
 * One published item, to read.
 *
 * @param body     the Markdown as the editor wrote it
 * @param bodyHtml the same, rendered and sanitised: safe to place into a page as it is
 * @param habits   which of the five habits the item serves
 * @param steps    a practice's steps, each with an optional timer; empty for an article
 */
record ItemDetail(String slug, String type, String title, String summary, String body, String bodyHtml,
        List<String> topics, List<String> habits, int minutes, String author, List<ContentItemDocument.Step> steps,
        List<Related> related, Instant publishedAt, long version) {

    /** Another item that shares habits or topics with this one. */
    record Related(String slug, String type, String title) {
    }

    static ItemDetail of(ContentItemDocument item, String bodyHtml, List<Related> related) {
        return new ItemDetail(item.slug(), item.type().name().toLowerCase(), item.title(), item.summary(), item.body(),
                bodyHtml, item.topics(), item.habits() == null ? List.of() : item.habits(), item.minutes(), item.author(),
                item.steps() == null ? List.of() : item.steps(), related, item.publishedAt(), item.version() == null ? 0 : item.version());
    }
}
