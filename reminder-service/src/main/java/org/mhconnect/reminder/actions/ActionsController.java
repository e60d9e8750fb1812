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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-click links from a reminder: they work without signing in, because the link itself is the proof. A GET
 * (a click in an e-mail) never changes anything, because mail scanners open every link in an e-mail: it answers a
 * short page that asks, whose button POSTs to the same address. A POST acts: the page's button (its form says
 * {@code answer=page}, answered with a page), or any other POST, such as RFC 8058's one-click unsubscribe that mail
 * providers send or a webhook receiver's (answered with plain text). Every action is idempotent, so a second press
 * changes nothing more.
 */
@RestController
@RequestMapping("/api/notifications/actions")
class ActionsController {

    private final ActionLinks links;
    private final Reminders reminders;
    private final Preferences preferences;
    private final java.time.Clock clock;
    private java.util.List<org.mhconnect.reminder.occurrence.OccurrenceDone> whenDone = java.util.List.of();

    ActionsController(ActionLinks links, Reminders reminders, Preferences preferences, java.time.Clock clock) {
        this.clock = clock;
        this.links = links;
        this.reminders = reminders;
        this.preferences = preferences;
    }

    /** Who marks an occurrence done ("Done" on a push notification): the inbox. */
    @org.springframework.beans.factory.annotation.Autowired
    void tellWhenDone(java.util.List<org.mhconnect.reminder.occurrence.OccurrenceDone> listeners) {
        this.whenDone = java.util.List.copyOf(listeners);
    }

    @GetMapping(path = "/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> click(@PathVariable String token) {
        ActionLinks.Claims claims = links.verify(token);
        if (claims.reminderId() != null && claims.action() != ActionLinks.Action.UNSUBSCRIBE) {
            existing(claims); // a removed reminder's link says so now, not after the button
        }
        return ActionPages.confirm(claims.action(), "/api/notifications/actions/" + token);
    }

    @PostMapping("/{token}")
    ResponseEntity<String> act(@PathVariable String token,
            @RequestParam(name = ActionPages.ANSWER, required = false) String answer) {
        String done = perform(links.verify(token));
        if (ActionPages.PAGE.equals(answer)) {
            return ActionPages.done(done);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(done);
    }

    private ReminderDocument existing(ActionLinks.Claims claims) {
        try {
            return reminders.get(claims.userId(), claims.reminderId());
        }
        catch (ReminderNotFoundException ex) {
            throw new GoneReminderException();
        }
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
        ReminderDocument reminder = existing(claims);
        // Counted from the occurrence (or from now, when it is long past) and kept to the minute, so a second
        // click on the same link asks for the same moment, which is kept once.
        java.time.Instant occurred = occurrenceInstant(claims.occurrenceId());
        java.time.Instant base = occurred != null && occurred.isAfter(clock.instant().minus(Duration.ofMinutes(15)))
                ? occurred : clock.instant();
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
            case DONE -> {
                whenDone.forEach(listener -> listener.done(claims.userId(), claims.occurrenceId()));
                yield "Marked as done. Well done.";
            }
            case UNSUBSCRIBE, DIGEST_OFF -> throw new IllegalStateException();
        };
    }

    /** A snooze is never in the past: at least a minute from now. */
    private java.time.Instant later(ZonedDateTime at) {
        java.time.Instant soonest = clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
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
}
