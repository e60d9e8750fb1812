package org.mhconnect.content.library;

import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the library. */
@RestController
@RequestMapping("/api/content/items")
class LibraryController {

    private final ContentCatalog catalog;

    LibraryController(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    ItemPage list(
            @RequestParam(required = false) @Pattern(regexp = "article|practice", message = "must be article or practice") String type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a topic slug") String topic,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        ContentType contentType = type == null ? null : ContentType.valueOf(type.toUpperCase(Locale.ROOT));
        return catalog.published(contentType, topic, page, size);
    }
}
