package org.mhconnect.content.support;

import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import org.mhconnect.content.etags.StrongEtags;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where to turn for help, by country. Public and cacheable for an hour: the answer carries a strong ETag, the
 * SHA-256 of its JSON, and a request whose {@code If-None-Match} names it is answered 304 by Spring MVC, which
 * checks a returned {@code ResponseEntity}'s ETag against the request ({@code WebRequest.checkNotModified}).
 */
@RestController
@RequestMapping("/api/content/support")
class SupportController {

    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final SupportCatalog catalog;
    private final StrongEtags etags;

    SupportController(SupportCatalog catalog, StrongEtags etags) {
        this.catalog = catalog;
        this.etags = etags;
    }

    @GetMapping
    ResponseEntity<SupportDirectory> directory(
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as DE") String country) {
        SupportDirectory directory = catalog.directory(country == null ? null : country.toUpperCase(Locale.ROOT));
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etags.of(directory)).body(directory);
    }

}
