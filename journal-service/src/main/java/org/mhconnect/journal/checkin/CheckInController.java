package org.mhconnect.journal.checkin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.journal.checkin.CheckInQuestionnaire.Item;
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

/** The self-compassion check-in: its questions, taking one, and the history with its trend. */
@RestController
@RequestMapping("/api/journal/checkins")
class CheckInController {

    private final CheckIns checkIns;
    private final IdempotentPosts idempotent;
    private final JsonMapper json;

    CheckInController(CheckIns checkIns, IdempotentPosts idempotent, JsonMapper json) {
        this.checkIns = checkIns;
        this.idempotent = idempotent;
        this.json = json;
    }

    record Questions(List<Item> items, Map<Integer, String> scale, String note) {
    }

    record History(List<CheckInView> items, Trend trend, String note) {
    }

    /** The twelve statements and the answer scale. Public: there is nothing private in them. */
    @GetMapping("/questions")
    Questions questions() {
        return new Questions(CheckInQuestionnaire.ITEMS, CheckInQuestionnaire.SCALE, CheckInQuestionnaire.NOTE);
    }

    /** Records a check-in; with an {@code Idempotency-Key}, the same request again gives the first one back. */
    @PostMapping
    ResponseEntity<CheckInView> complete(@AuthenticationPrincipal(expression = "subject") String userId,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody CheckInRequest request) {
        String fingerprint = IdempotentRequests.fingerprint("POST /api/journal/checkins", json.writeValueAsBytes(request));
        return idempotent.once(userId, idempotencyKey, fingerprint, (String reservedId) -> {
            CheckInView view = CheckInView.of(checkIns.complete(userId, reservedId, request));
            return ResponseEntity.created(URI.create("/api/journal/checkins/" + view.id())).body(view);
        }, answer -> answer.getBody().id(), earlier -> ResponseEntity.status(earlier.status())
                .location(URI.create(earlier.location())).body(read(userId, earlier.remembered())));
    }

    /** One check-in of the caller; another person's answers 404 like a missing one. */
    @GetMapping("/{id}")
    CheckInView read(@AuthenticationPrincipal(expression = "subject") String userId, @PathVariable String id) {
        return checkIns.history(userId).stream()
                .filter(stored -> stored.id().equals(id))
                .findFirst()
                .map(CheckInView::of)
                .orElseThrow(CheckInNotFoundException::new);
    }

    /** Every check-in, newest first, and how the total has moved recently. */
    @GetMapping
    History history(@AuthenticationPrincipal(expression = "subject") String userId) {
        List<CheckInView> items = checkIns.history(userId).stream().map(CheckInView::of).toList();
        return new History(items, Trend.of(items.stream().map(item -> new Trend.Point(item.localDate(), item.total())).toList()),
                CheckInQuestionnaire.NOTE);
    }
}
