package org.mhconnect.content.support;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

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
    private final JsonMapper json;

    SupportController(SupportCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<SupportDirectory> directory(
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as DE") String country) {
        SupportDirectory directory = catalog.directory(country == null ? null : country.toUpperCase(Locale.ROOT));
        return ResponseEntity.ok().cacheControl(CACHE).eTag(etag(directory)).body(directory);
    }

    /** A strong ETag: the SHA-256 of the directory's JSON, in lower-case hex, quoted. */
    private String etag(SupportDirectory directory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(directory));
            return "\"" + HexFormat.of().formatHex(digest) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
