package org.mhconnect.content.library;

import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.mhconnect.content.rendering.MarkdownRenderer;
import org.mhconnect.content.etags.StrongEtags;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the library. */
@RestController
@RequestMapping("/api/content/items")
class LibraryController {

    /** Published items change rarely; a browser may keep one for five minutes and then ask again with its ETag. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final ContentCatalog catalog;
    private final MarkdownRenderer markdown;
    private final StrongEtags etags;

    LibraryController(ContentCatalog catalog, MarkdownRenderer markdown, StrongEtags etags) {
        this.catalog = catalog;
        this.markdown = markdown;
        this.etags = etags;
    }

    /**
     * One published item with its body rendered to sanitised HTML. Cacheable: a strong ETag over its JSON, and
     * {@code If-None-Match} with that ETag answers 304.
     */
    @GetMapping("/{slug}")
    ResponseEntity<ItemDetail> item(
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be an item slug") String slug) {
        ContentItemDocument item = catalog.published(slug).orElseThrow(ItemNotFoundException::new);
        ItemDetail detail = ItemDetail.of(item, markdown.toSafeHtml(item.body()), catalog.relatedTo(item));
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etags.of(detail)).body(detail);
    }

    /** A page of published items; cacheable like an item, with an ETag over exactly what the page shows. */
    @GetMapping
    ResponseEntity<ItemPage> list(
            @RequestParam(required = false) @Pattern(regexp = "article|practice", message = "must be article or practice") String type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a topic slug") String topic,
            @RequestParam(required = false) @Pattern(regexp = "challenge-negative-self-talk|mindfulness|embrace-imperfection|self-care|seek-support",
                    message = "must be one of the five habits") String habit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        ContentType contentType = type == null ? null : ContentType.valueOf(type.toUpperCase(Locale.ROOT));
        ItemPage items = catalog.published(contentType, topic, habit, page, size);
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etags.of(items)).body(items);
    }
}
