package org.mhconnect.reminder.definition;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.reminder.idempotency.IdempotentPosts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** A person's own reminders. Another person's reminder answers 404. */
@RestController
@RequestMapping("/api/reminders")
class RemindersController {

    static final String ID = ReminderDocument.ID_PATTERN;
    static final String KINDS = "journal|practice|check-in|custom";
    /** How many coming occurrences a reminder's view shows. */
    static final int NEXT = 3;

    private final Reminders reminders;
    private final IdempotentPosts idempotent;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final ComingOccurrences coming;

    RemindersController(Reminders reminders, IdempotentPosts idempotent, JsonMapper json, java.time.Clock clock,
            ComingOccurrences coming) {
        this.clock = clock;
        this.coming = coming;
        this.reminders = reminders;
        this.idempotent = idempotent;
        this.json = json;
    }

    /**
     * Makes a reminder; with an {@code Idempotency-Key}, the same request again within 24 hours gives it back. The key
     * reserves the reminder's id, so a request sent again after the service stopped mid-way finds the reminder the first
     * run made (after 30 s, when the first run counts as abandoned) instead of making a second.
     */
    @PostMapping
    ResponseEntity<ReminderView> create(Authentication caller,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ReminderRequest request) {
        String person = caller.getName();
        String fingerprint = IdempotentRequests.fingerprint("POST /api/reminders", json.writeValueAsBytes(request));
        return idempotent.once(person, idempotencyKey, fingerprint,
                reservedId -> created(HttpStatus.CREATED.value(), reminders.create(person, request, reservedId)),
                answer -> answer.getBody().id(),
                earlier -> created(earlier.status(), reminders.get(person, earlier.remembered())));
    }

    private ResponseEntity<ReminderView> created(int status, ReminderDocument reminder) {
        return ResponseEntity.status(status).location(URI.create("/api/reminders/" + reminder.id()))
                .cacheControl(CacheControl.noStore()).body(view(reminder));
    }

    @GetMapping
    ResponseEntity<ReminderList> list(Authentication caller) {
        List<ReminderDocument> mine = reminders.list(caller.getName());
        List<List<OccurrenceView>> next = coming.of(caller.getName(), mine, NEXT);
        List<ReminderView> views = java.util.stream.IntStream.range(0, mine.size())
                .mapToObj(i -> ReminderView.of(mine.get(i), next.get(i))).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ReminderList(views, Reminders.MAX_PER_PERSON));
    }

    /** @param limit how many reminders a person may have */
    record ReminderList(List<ReminderView> items, int limit) {
    }

    @GetMapping("/{id}")
    ResponseEntity<ReminderView> get(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(reminders.get(caller.getName(), id)));
    }

    @PutMapping("/{id}")
    ResponseEntity<ReminderView> update(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id,
            @Valid @RequestBody ReminderRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(reminders.update(caller.getName(), id, request)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id) {
        reminders.delete(caller.getName(), id); // Its history goes with it (ReminderDeleted).
        return ResponseEntity.noContent().build();
    }

    /** Stop: no further occurrence is sent until it is resumed. */
    @PostMapping("/{id}/stop")
    ReminderView stop(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id) {
        return view(reminders.setActive(caller.getName(), id, false));
    }

    @PostMapping("/{id}/resume")
    ReminderView resume(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id) {
        return view(reminders.setActive(caller.getName(), id, true));
    }

    @PostMapping("/{id}/skip-next")
    ReminderView skipNext(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id) {
        return view(reminders.skipNext(caller.getName(), id));
    }

    /** Once more, in 15 or 60 minutes, or at this time tomorrow; the schedule itself goes on as before. */
    @PostMapping("/{id}/snooze")
    ReminderView snooze(Authentication caller, @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id,
            @Valid @RequestBody SnoozeRequest request) {
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        ReminderDocument reminder = reminders.get(caller.getName(), id);
        java.time.Instant at = switch (request.delay()) {
            case "15m" -> now.plus(java.time.Duration.ofMinutes(15));
            case "1h" -> now.plus(java.time.Duration.ofHours(1));
            default -> now.atZone(java.time.ZoneId.of(reminder.timeZone())).plusDays(1).toInstant();
        };
        return view(reminders.snooze(caller.getName(), id, at));
    }

    /** @param delay {@code 15m}, {@code 1h} or {@code tomorrow} */
    record SnoozeRequest(@jakarta.validation.constraints.NotNull @Pattern(regexp = "15m|1h|tomorrow", message = "must be 15m, 1h or tomorrow") String delay) {
    }

    /** The next occurrences, in UTC and in local time with the offset, each saying whether it will be skipped. */
    @GetMapping("/{id}/occurrences")
    List<OccurrenceView> occurrences(Authentication caller,
            @PathVariable @Pattern(regexp = ID, message = "must be a reminder id") String id,
            @RequestParam(defaultValue = "5") @Min(1) @Max(100) int count) {
        return coming.of(reminders.get(caller.getName(), id), count);
    }

    /**
     * The next occurrences of a schedule that is not saved, for a form that shows them while it is filled in; with
     * {@code kind}, each says whether it would be skipped (a journaling reminder on a day already written; the
     * caller's pause and quiet hours apply to every kind); with {@code reminder}, the form changes that reminder, whose
     * pending "skip next" shows while its schedule stays the same.
     */
    @PostMapping("/preview")
    List<OccurrenceView> preview(Authentication caller, @Valid @RequestBody ReminderRequest.ScheduleRequest schedule,
            @RequestParam(defaultValue = "5") @Min(1) @Max(100) int count,
            @RequestParam(required = false) @Pattern(regexp = KINDS, message = "must be journal, practice, check-in or custom") String kind,
            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be a reminder id") String reminder) {
        java.time.Instant skipThrough = reminder == null ? null : reminders.skipKeptBy(caller.getName(), reminder, schedule);
        return coming.preview(caller.getName(), reminders.schedule(schedule), kind == null ? null : ReminderKind.fromWire(kind),
                skipThrough, count);
    }

    private ReminderView view(ReminderDocument reminder) {
        return ReminderView.of(reminder, coming.of(reminder, NEXT));
    }
}
