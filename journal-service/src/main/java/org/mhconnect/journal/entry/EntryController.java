package org.mhconnect.journal.entry;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing and reading journal entries.
 *
 * <p>The caller is named by the {@code X-User-Id} header until the identity issue replaces it with a
 * verified token; see the module README.
 */
@RestController
@RequestMapping("/api/journal/entries")
class EntryController {

    static final String USER_HEADER = "X-User-Id";
    static final String USER_ID = "[A-Za-z0-9-]{1,64}";

    private final RecordEntry recordEntry;
    private final Entries entries;

    EntryController(RecordEntry recordEntry, Entries entries) {
        this.recordEntry = recordEntry;
        this.entries = entries;
    }

    @PostMapping
    ResponseEntity<EntryView> record(@RequestHeader(USER_HEADER) @Pattern(regexp = USER_ID) String userId,
            @Valid @RequestBody NewEntry request) {
        EntryView entry = recordEntry.record(userId, request);
        return ResponseEntity.created(URI.create("/api/journal/entries/" + entry.id())).body(entry);
    }

    @GetMapping("/{id}")
    EntryView read(@RequestHeader(USER_HEADER) @Pattern(regexp = USER_ID) String userId, @PathVariable String id) {
        return entries.find(userId, id).map(EntryView::of).orElseThrow(EntryNotFoundException::new);
    }
}
