package org.mhconnect.content.library;

import java.util.List;

import org.springframework.stereotype.Component;

/** What other parts of content-service may ask of the library: does a published item exist, and its summaries. */
@Component
public class PublishedItems {

    private final ContentCatalog catalog;

    PublishedItems(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Throws {@link ItemNotFoundException} (404) unless a published item has this slug. */
    public void require(String slug) {
        catalog.published(slug).orElseThrow(ItemNotFoundException::new);
    }

    /** A published practice, as recommendations see it. */
    public record Practice(String slug, String title, String summary, int minutes, List<String> habits) {
    }

    /** Every published practice. A scan of the library, which is small and read whole for this. */
    public List<Practice> practices() {
        return catalog.publishedOfType(ContentType.PRACTICE).stream()
                .map(item -> new Practice(item.slug(), item.title(), item.summary(), item.minutes(),
                        item.habits() == null ? List.of() : item.habits()))
                .toList();
    }

    /** Summaries of the published ones among these slugs, in the given order. */
    public List<ItemSummary> summaries(List<String> slugs) {
        return catalog.publishedAmong(slugs);
    }
}
