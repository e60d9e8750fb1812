package org.mhconnect.journal.checkin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.mhconnect.journal.checkin.CheckInQuestionnaire.Item;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The self-compassion check-in: its questions, taking one, and the history with its trend. */
@RestController
@RequestMapping("/api/journal/checkins")
class CheckInController {

    private final CheckIns checkIns;

    CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
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

    @PostMapping
    ResponseEntity<CheckInView> complete(@AuthenticationPrincipal(expression = "subject") String userId,
            @Valid @RequestBody CheckInRequest request) {
        CheckInView view = CheckInView.of(checkIns.complete(userId, request));
        return ResponseEntity.created(URI.create("/api/journal/checkins/" + view.id())).body(view);
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
        return new History(items, Trend.of(items.stream().map(CheckInView::total).toList()), CheckInQuestionnaire.NOTE);
    }
}
