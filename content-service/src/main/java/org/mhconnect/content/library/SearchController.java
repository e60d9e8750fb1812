package org.mhconnect.content.library;

import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mhconnect.content.operations.ContentMeters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searching the published library. Public. */
@RestController
class SearchController {

    private final LibraryIndex index;
    private final ContentMeters meters;

    SearchController(LibraryIndex index, ContentMeters meters) {
        this.index = index;
        this.meters = meters;
    }

    /**
     * Ranked, forgiving full-text search: stemming, one or two typos per word, every word must match. Filters:
     * {@code type}, {@code topic}, {@code habit} and {@code maxMinutes}. Snippets mark the matches with {@code <mark>}.
     */
    @GetMapping("/api/content/search")
    LibraryIndex.Results search(
            @RequestParam @NotBlank @Size(max = 200) String q,
            @RequestParam(required = false) @Pattern(regexp = "article|practice", message = "must be article or practice") String type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a topic slug") String topic,
            @RequestParam(required = false) @Pattern(regexp = "challenge-negative-self-talk|mindfulness|embrace-imperfection|self-care|seek-support",
                    message = "must be one of the five habits") String habit,
            @RequestParam(required = false) @Min(1) @Max(240) Integer maxMinutes,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100) int page,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size) {
        ContentType contentType = type == null ? null : ContentType.valueOf(type.toUpperCase(Locale.ROOT));
        LibraryIndex.Search search = new LibraryIndex.Search(q, contentType, topic, habit, maxMinutes, page, size);
        return meters.searchLatency().record(() -> index.search(search));
    }
}
