package org.mhconnect.journal.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Taking one's journal away, and bringing it back. */
@RestController
class TransferController {

    private final JournalTransfer transfer;
    private final Clock clock;

    TransferController(JournalTransfer transfer, Clock clock) {
        this.transfer = transfer;
        this.clock = clock;
    }

    /**
     * Streams everything the caller has: {@code json}, a document that {@code POST /api/journal/import} reads
     * back, or {@code markdown}, a zip with one Markdown file per entry and one for the check-ins.
     */
    @GetMapping("/api/journal/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestParam(defaultValue = "json") @Pattern(regexp = "json|markdown", message = "must be json or markdown") String format) {
        String day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        boolean json = format.equals("json");
        String filename = "journal-" + day + (json ? ".json" : ".zip");
        StreamingResponseBody body = json ? out -> transfer.writeJson(userId, out) : out -> transfer.writeMarkdownZip(userId, out);
        return ResponseEntity.ok()
                .contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /**
     * Restores a JSON export into the caller's journal. Everything is checked before anything is written; entries
     * and check-ins that are already there are skipped, so importing twice changes nothing.
     */
    @PostMapping("/api/journal/import")
    JournalTransfer.ImportResult importJournal(@AuthenticationPrincipal(expression = "subject") String userId,
            @Valid @RequestBody JournalExport export) {
        return transfer.restore(userId, export);
    }
}
