package org.mhconnect.reminder.actions;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.ReminderNotFoundException;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.preferences.Preferences;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The one-click links from a reminder: they work without signing in, because the link itself is the proof. A GET
 * (a click in an e-mail or the inbox) answers with a short page; a POST is RFC 8058's one-click unsubscribe, which mail
 * providers send. Every action is idempotent, so a second click, or a mail scanner's, changes nothing more.
 */
@RestController
@RequestMapping("/api/notifications/actions")
public class ActionsController {

    private final ActionLinks links;
    private final Reminders reminders;
    private final Preferences preferences;

    ActionsController(ActionLinks links, Reminders reminders, Preferences preferences) {
        this.links = links;
        this.reminders = reminders;
        this.preferences = preferences;
    }

    @GetMapping(path = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> click(@PathVariable String token) {
        String done = perform(links.verify(token));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Done</title>"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>"
                        + "<body style=\"font-family: sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5\">"
                        + "<h1>" + HtmlUtils.htmlEscape(done) + "</h1>"
                        + "<p>Be gentle with yourself today.</p><p><a href=\"/\">Open Mental Health Connect</a></p></body></html>");
    }

    @PostMapping("/{token}")
    ResponseEntity<String> oneClick(@PathVariable String token) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(perform(links.verify(token)));
    }

    private String perform(ActionLinks.Claims claims) {
        if (claims.action() == ActionLinks.Action.UNSUBSCRIBE) {
            preferences.unsubscribeEmail(claims.userId());
            return "You will get no more reminder e-mails.";
        }
        if (claims.action() == ActionLinks.Action.DIGEST_OFF) {
            preferences.stopWeeklyDigest(claims.userId());
            return "You will get no more weekly digests.";
        }
        ReminderDocument reminder;
        try {
            reminder = reminders.get(claims.userId(), claims.reminderId());
        }
        catch (ReminderNotFoundException ex) {
            throw new GoneReminderException();
        }
        // Counted from the occurrence (or from now, when it is long past) and kept to the minute, so a second
        // click on the same link asks for the same moment, which is kept once.
        java.time.Instant occurred = occurrenceInstant(claims.occurrenceId());
        java.time.Instant base = occurred != null && occurred.isAfter(java.time.Instant.now().minus(Duration.ofMinutes(15)))
                ? occurred : java.time.Instant.now();
        ZonedDateTime from = base.atZone(ZoneId.of(reminder.timeZone())).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return switch (claims.action()) {
            case SNOOZE_15_MINUTES -> {
                reminders.snooze(claims.userId(), reminder.id(), later(from.plusMinutes(15)));
                yield "Snoozed: we will remind you again in 15 minutes.";
            }
            case SNOOZE_1_HOUR -> {
                reminders.snooze(claims.userId(), reminder.id(), later(from.plusHours(1)));
                yield "Snoozed: we will remind you again in an hour.";
            }
            case SNOOZE_TOMORROW -> {
                reminders.snooze(claims.userId(), reminder.id(), later(from.plusDays(1)));
                yield "Snoozed until this time tomorrow.";
            }
            case SKIP_NEXT -> {
                reminders.skipNext(claims.userId(), reminder.id());
                yield "The next one is skipped. The ones after it come as usual.";
            }
            case STOP -> {
                reminders.setActive(claims.userId(), reminder.id(), false);
                yield "This reminder is stopped. You can start it again any time.";
            }
            case UNSUBSCRIBE, DIGEST_OFF -> throw new IllegalStateException();
        };
    }

    /** A snooze is never in the past: at least a minute from now. */
    private static java.time.Instant later(ZonedDateTime at) {
        java.time.Instant soonest = java.time.Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return at.toInstant().isBefore(soonest) ? soonest : at.toInstant();
    }

    private static java.time.Instant occurrenceInstant(String occurrenceId) {
        try {
            return occurrenceId == null ? null : java.time.Instant.parse(occurrenceId.substring(occurrenceId.indexOf('@') + 1));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** The reminder a link was for no longer exists: 410. */
    public static class GoneReminderException extends RuntimeException {
        GoneReminderException() {
            super("gone");
        }
    }
}
