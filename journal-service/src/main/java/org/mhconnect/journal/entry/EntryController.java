package org.mhconnect.journal.entry;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.journal.support.CrisisSupport;
import org.mhconnect.journal.idempotency.IdempotentPosts;
import org.mhconnect.journal.vocabulary.EmotionCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Writing and reading journal entries. The caller is the subject of the verified access token. */
@RestController
@RequestMapping("/api/journal/entries")
class EntryController {

    private final Journal journal;
    private final JournalReading reading;
    private final CrisisSupport support;
    private final WriterCountry countries;
    private final IdempotentPosts idempotent;
    private final JsonMapper json;

    EntryController(Journal journal, JournalReading reading, CrisisSupport support, WriterCountry countries,
            IdempotentPosts idempotent, JsonMapper json) {
        this.journal = journal;
        this.reading = reading;
        this.support = support;
        this.countries = countries;
        this.idempotent = idempotent;
        this.json = json;
    }

    /**
     * Saves an entry. When its words suggest the writer may be in danger, the answer carries a {@code support} block.
     * With an {@code Idempotency-Key}, the same request again within 24 hours answers with the entry saved the first
     * time, read afresh, instead of saving it twice; the entry is saved under the id the key reserved, so that even a
     * first request whose process stopped after saving is not saved twice when sent again.
     */
    @PostMapping
    ResponseEntity<EntryView> create(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody EntryRequest request) {
        String fingerprint = IdempotentRequests.fingerprint("POST /api/journal/entries", json.writeValueAsBytes(request));
        return idempotent.once(userId, idempotencyKey, fingerprint, (String reservedId) -> {
            EntryView entry = withSupport(userId, acceptLanguage, journal.create(userId, reservedId, request));
            return ResponseEntity.created(URI.create("/api/journal/entries/" + entry.id())).body(entry);
        }, answer -> answer.getBody().id(), earlier -> ResponseEntity.status(earlier.status())
                .location(URI.create(earlier.location()))
                .body(withSupport(userId, acceptLanguage, reading.read(userId, earlier.remembered())
                        .orElseThrow(EntryNotFoundException::new))));
    }

    @GetMapping("/{id}")
    EntryView read(@AuthenticationPrincipal(expression = "subject") String userId, @PathVariable String id) {
        return reading.read(userId, id).orElseThrow(EntryNotFoundException::new);
    }

    /** Changes an entry; {@code version} must be the one last read, or the answer is 409 and nothing changes. */
    @PutMapping("/{id}")
    EntryView update(@AuthenticationPrincipal(expression = "subject") String userId, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            @Valid @RequestBody EntryRequest request) {
        return withSupport(userId, acceptLanguage, journal.update(userId, id, request));
    }

    /** Deletes an entry; with {@code version}, only if it is still the one last read. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal(expression = "subject") String userId, @PathVariable String id,
            @RequestParam(required = false) @Min(0) Long version) {
        journal.delete(userId, id, version);
    }

    /**
     * The caller's entries, newest first, a page at a time. Filters: local days {@code from}..{@code to}
     * (inclusive), any of the given {@code mood}s, all of the given {@code emotion}s and {@code tag}s, and
     * {@code q}, searched in the caller's own words.
     */
    @GetMapping
    EntryPage list(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 5) List<@Min(1) @Max(5) Integer> mood,
            @RequestParam(required = false) @Size(max = 10) List<@EmotionCode String> emotion,
            @RequestParam(required = false) @Size(max = 5) List<@Size(min = 1, max = 40) String> tag,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 200) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        DayBounds.require(from, "from");
        DayBounds.require(to, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidEntryException("'from' must not be after 'to'.");
        }
        return reading.list(userId, new EntryFilter(from, to, mood, emotion, tag, q), cursor, size);
    }

    private EntryView withSupport(String userId, String acceptLanguage, EntryView entry) {
        String critic = entry.reframe() == null ? null : entry.reframe().innerCritic();
        return entry.withSupport(support.forWords(countries.of(userId, acceptLanguage), entry.title(), entry.body(),
                critic));
    }
}
