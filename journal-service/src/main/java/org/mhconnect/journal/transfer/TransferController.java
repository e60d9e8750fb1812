package org.mhconnect.journal.transfer;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.journal.JournalProperties;
import org.mhconnect.journal.idempotency.IdempotentPosts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** Taking one's journal away, and bringing it back. */
@RestController
class TransferController {

    private final JournalTransfer transfer;
    private final JournalImport imports;
    private final IdempotentPosts idempotent;
    private final JsonMapper json;
    private final Clock clock;
    private final long maxImportSize;

    TransferController(JournalTransfer transfer, JournalImport imports, IdempotentPosts idempotent, JsonMapper json,
            Clock clock, JournalProperties properties) {
        this.transfer = transfer;
        this.imports = imports;
        this.idempotent = idempotent;
        this.json = json;
        this.clock = clock;
        this.maxImportSize = properties.maxImportSize().toBytes();
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
     * Restores a JSON export into the caller's journal. The body is read as a stream (up to
     * {@code mhc.journal.max-import-size}, counted as it arrives, else 413), kept encrypted in a temporary file, checked
     * whole, then restored; see {@link JournalImport}. With an {@code Idempotency-Key}, the same import again within
     * 24 hours gives the first answer again.
     */
    @PostMapping(path = "/api/journal/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JournalImport.ImportResult> importJournal(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) throws IOException {
        IdempotencyKey.check(idempotencyKey);
        if (request.getContentLengthLong() > maxImportSize) {
            throw new ImportTooLargeException(maxImportSize);
        }
        try (ImportSpool body = ImportSpool.receive(request.getInputStream(), maxImportSize,
                IdempotentRequests.fingerprinting(JournalImport.OPERATION))) {
            return idempotent.once(userId, idempotencyKey, body.sha256(),
                    () -> ResponseEntity.ok(imports.restore(userId, body)),
                    answer -> json.writeValueAsString(answer.getBody()),
                    earlier -> ResponseEntity.status(earlier.status())
                            .body(json.readValue(earlier.remembered(), JournalImport.ImportResult.class)));
        }
    }
}
