package org.mhconnect.journal.entry;

import java.net.URI;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writing and reading journal entries. The caller is the subject of the verified access token. */
@RestController
@RequestMapping("/api/journal/entries")
class EntryController {

    private final RecordEntry recordEntry;
    private final Entries entries;

    EntryController(RecordEntry recordEntry, Entries entries) {
        this.recordEntry = recordEntry;
        this.entries = entries;
    }

    @PostMapping
    ResponseEntity<EntryView> record(@AuthenticationPrincipal(expression = "subject") String userId,
            @Valid @RequestBody NewEntry request) {
        EntryView entry = recordEntry.record(userId, request);
        return ResponseEntity.created(URI.create("/api/journal/entries/" + entry.id())).body(entry);
    }

    @GetMapping("/{id}")
    EntryView read(@AuthenticationPrincipal(expression = "subject") String userId, @PathVariable String id) {
        return entries.find(userId, id).map(EntryView::of).orElseThrow(EntryNotFoundException::new);
    }
}
