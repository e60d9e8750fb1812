package org.mhconnect.reminder.channel.inbox;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.mhconnect.reminder.definition.ReminderNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's inbox, and its live stream. */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

    private final Inbox inbox;
    private final LiveInbox live;

    InboxController(Inbox inbox, LiveInbox live) {
        this.inbox = inbox;
        this.live = live;
    }

    @GetMapping("/inbox")
    ResponseEntity<InboxView> inbox(Authentication caller) {
        List<InboxView.Item> items = inbox.newestFirst(caller.getName()).stream().map(InboxView.Item::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new InboxView(items, items.stream().filter(item -> !item.read()).count()));
    }

    @PostMapping("/inbox/{id}/read")
    ResponseEntity<Void> read(Authentication caller,
            @PathVariable @Pattern(regexp = "[0-9]{13}-[0-9a-f]{8}", message = "must be an inbox item id") String id) {
        if (!inbox.markRead(caller.getName(), id)) {
            throw new ReminderNotFoundException();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/inbox/read-all")
    ResponseEntity<Void> readAll(Authentication caller) {
        inbox.markAllRead(caller.getName());
        return ResponseEntity.noContent().build();
    }

    /** Server-Sent Events: {@code reminder} events with an inbox item each; resumes after {@code Last-Event-ID}. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Authentication caller, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return live.open(caller.getName(), lastEventId);
    }
}
