package org.mhconnect.journal.practice;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.journal.idempotency.IdempotentPosts;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Recording a practice finished in the player, and reading the record back. */
@RestController
@RequestMapping("/api/journal/practices/completions")
class PracticeCompletionController {

    private final PracticeCompletions completions;
    private final IdempotentPosts idempotent;
    private final JsonMapper json;

    PracticeCompletionController(PracticeCompletions completions, IdempotentPosts idempotent, JsonMapper json) {
        this.completions = completions;
        this.idempotent = idempotent;
        this.json = json;
    }

    record History(List<CompletionView> items) {
    }

    /**
     * Records a completion; with an {@code Idempotency-Key}, the same request again gives the first one back, so a
     * player that retries after a lost answer never counts one practice twice.
     */
    @PostMapping
    ResponseEntity<CompletionView> record(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CompletionRequest request) {
        String fingerprint = IdempotentRequests.fingerprint("POST /api/journal/practices/completions",
                json.writeValueAsBytes(request));
        return idempotent.once(userId, idempotencyKey, fingerprint, (String reservedId) -> {
            CompletionView view = CompletionView.of(completions.record(userId, reservedId, request));
            return ResponseEntity.created(URI.create("/api/journal/practices/completions/" + view.id())).body(view);
        }, answer -> answer.getBody().id(), earlier -> ResponseEntity.status(earlier.status())
                .location(URI.create(earlier.location())).body(read(userId, earlier.remembered())));
    }

    /** One completion of the caller; another person's answers 404 like a missing one. */
    @GetMapping("/{id}")
    CompletionView read(@AuthenticationPrincipal(expression = "subject") String userId, @PathVariable String id) {
        return completions.of(userId).stream()
                .filter(completion -> completion.id().equals(id))
                .findFirst()
                .map(CompletionView::of)
                .orElseThrow(CompletionNotFoundException::new);
    }

    /** Every completion of the caller, newest first. */
    @GetMapping
    History history(@AuthenticationPrincipal(expression = "subject") String userId) {
        return new History(completions.of(userId).stream().map(CompletionView::of).toList());
    }
}
