package org.mhconnect.content.library;

import java.util.List;
import java.util.Locale;

/**
 * What a hit shows, and the body its snippet is cut from. It is kept beside the index, one map per index, instead
 * of in Lucene's stored fields: reading those means decompressing a block per hit, which cost more than the search
 * itself. The words are in the index; the text is here.
 */
record Listing(String slug, String type, String title, String summary, List<String> topics, int minutes,
        String body) {

    static Listing of(ContentItemDocument item) {
        return new Listing(item.slug(), item.type().name().toLowerCase(Locale.ROOT), item.title(),
                item.summary() == null ? "" : item.summary(), item.topics() == null ? List.of() : List.copyOf(item.topics()),
                item.minutes(), item.body() == null ? "" : item.body());
    }
}
