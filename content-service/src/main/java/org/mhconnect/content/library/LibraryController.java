package org.mhconnect.content.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.mhconnect.content.rendering.MarkdownRenderer;
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

    LibraryController(ContentCatalog catalog, MarkdownRenderer markdown) {
        this.catalog = catalog;
        this.markdown = markdown;
    }

    /**
     * One published item with its body rendered to sanitised HTML. Cacheable: a strong ETag over what it shows, and
     * {@code If-None-Match} with that ETag answers 304.
     */
    @GetMapping("/{slug}")
    ResponseEntity<ItemDetail> item(
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be an item slug") String slug) {
        ContentItemDocument item = catalog.published(slug).orElseThrow(ItemNotFoundException::new);
        ItemDetail detail = ItemDetail.of(item, markdown.toSafeHtml(item.body()), catalog.relatedTo(item));
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etagOf(detail)).body(detail);
    }

    /** A page of published items; cacheable like an item, with an ETag over exactly what the page shows. */
    @GetMapping
    ResponseEntity<ItemPage> list(
            @RequestParam(required = false) @Pattern(regexp = "article|practice", message = "must be article or practice") String type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a topic slug") String topic,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        ContentType contentType = type == null ? null : ContentType.valueOf(type.toUpperCase(Locale.ROOT));
        ItemPage items = catalog.published(contentType, topic, page, size);
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etagOf(String.valueOf(items))).body(items);
    }

    private static String etagOf(ItemDetail detail) {
        return etagOf(detail.slug(), String.valueOf(detail.version()), String.valueOf(detail.publishedAt()),
                detail.title(), detail.summary(), detail.body(), String.valueOf(detail.topics()), String.valueOf(detail.minutes()),
                String.valueOf(detail.habits()), String.valueOf(detail.steps()), detail.author(), String.valueOf(detail.related()));
    }

    /** A strong ETag: the first 128 bits of SHA-256 over the parts, each ended by a zero byte. */
    private static String etagOf(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
