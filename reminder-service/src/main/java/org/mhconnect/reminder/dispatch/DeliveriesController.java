package org.mhconnect.reminder.dispatch;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.Reminders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What became of each occurrence of a person's own reminder. Another person's reminder answers 404. */
@RestController
class DeliveriesController {

    private final Reminders reminders;
    private final History history;

    DeliveriesController(Reminders reminders, History history) {
        this.reminders = reminders;
        this.history = history;
    }

    /** Sent or failed per channel, skipped or missed with the reason; newest first. */
    @GetMapping("/api/reminders/{id}/deliveries")
    DeliveriesView deliveries(Authentication caller,
            @PathVariable @Pattern(regexp = ReminderDocument.ID_PATTERN, message = "must be a reminder id") String id) {
        reminders.get(caller.getName(), id);
        return new DeliveriesView(history.of(id));
    }

    record DeliveriesView(List<History.Entry> items) {
    }
}
