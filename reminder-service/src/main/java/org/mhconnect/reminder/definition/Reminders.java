package org.mhconnect.reminder.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mhconnect.reminder.schedule.Occurrences;
import org.mhconnect.reminder.schedule.Schedule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A person's reminders: made, changed, stopped, snoozed and removed here, stored in MongoDB, and handed to the
 * schedule engine through {@link ScheduleFeed}, which marks a reminder before each change and sends it after. Another
 * person's reminder is not found.
 */
@Service
public class Reminders {

    /** The most reminders one person may have. */
    public static final int MAX_PER_PERSON = 50;
    static final int DEFAULT_GRACE_MINUTES = 60;

    private final MongoTemplate mongo;
    private final ScheduleFeed feed;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReminderPlaces places;

    Reminders(MongoTemplate mongo, ScheduleFeed feed, Clock clock, ApplicationEventPublisher events, ReminderPlaces places) {
        this.mongo = mongo;
        this.places = places;
        this.feed = feed;
        this.clock = clock;
        this.events = events;
    }

    public ReminderDocument create(String userId, ReminderRequest request) {
        return create(userId, request, UUID.randomUUID().toString());
    }

    /**
     * Makes a reminder under {@code id}. When the person already has a reminder with that id, an earlier run of the
     * same request made it (its process stopped before it answered, and the Idempotency-Key reserved the id for
     * both): that reminder is the answer, and nothing is made twice.
     */
    public ReminderDocument create(String userId, ReminderRequest request, String id) {
        if (request.version() != null) {
            throw new InvalidReminderException("version", "A new reminder has no version yet; leave it out.");
        }
        Schedule schedule = schedule(request.schedule());
        places.claim(userId, id);
        Instant now = clock.instant();
        ReminderDocument reminder = new ReminderDocument(id, userId, ReminderKind.fromWire(request.kind()),
                request.title().strip(), message(request), request.practiceSlug(), channels(request),
                grace(request), schedule.rrule(), schedule.start().toString(), schedule.zone().getId(), true, null,
                List.of(), now, now, null);
        try {
            return feed.change(userId, id, () -> {
                mongo.insert(reminder);
                return mongo.findById(id, ReminderDocument.class);
            });
        }
        catch (DuplicateKeyException earlierRun) {
            ReminderDocument made = mongo.findById(id, ReminderDocument.class);
            if (made == null || !made.userId().equals(userId)) {
                throw earlierRun;
            }
            // The engine hears of it again: the earlier run may have stopped before it was told.
            feed.changed(made);
            return made;
        }
        catch (RuntimeException ex) {
            places.release(userId, id);
            throw ex;
        }
    }

    public ReminderDocument update(String userId, String id, ReminderRequest request) {
        if (request.version() == null) {
            throw new InvalidReminderException("version", "Say which version you changed: 'version' is required.");
        }
        Schedule schedule = schedule(request.schedule());
        ReminderDocument current = get(userId, id);
        String start = startAfter(current, schedule, request.schedule());
        Update update = new Update()
                .set("kind", ReminderKind.fromWire(request.kind()))
                .set("title", request.title().strip())
                .set("message", message(request))
                .set("practiceSlug", request.practiceSlug())
                .set("channels", channels(request))
                .set("gracePeriodMinutes", grace(request))
                .set("rrule", schedule.rrule())
                .set("start", start)
                .set("timeZone", schedule.zone().getId());
        // A new schedule starts afresh: an old "skip next" or snooze belonged to the old one.
        if (!sameSchedule(current, schedule, start)) {
            update.unset("skipThrough").set("snoozes", List.of());
        }
        return change(userId, id, request.version(), update);
    }

    /** The "skip next" that saving this schedule would keep: the reminder's own while its schedule stays the same. */
    Instant skipKeptBy(String userId, String id, ReminderRequest.ScheduleRequest request) {
        ReminderDocument current = get(userId, id);
        Schedule schedule = schedule(request);
        return sameSchedule(current, schedule, startAfter(current, schedule, request)) ? current.skipThrough() : null;
    }

    /**
     * The friendly form counts from today: the same times on the same days, sent again on a later day, are the same
     * schedule, and keep their start (and with it a pending "skip next" or snooze).
     */
    private static String startAfter(ReminderDocument current, Schedule schedule, ReminderRequest.ScheduleRequest request) {
        boolean friendlyFromToday = request.start() == null && request.times() != null && !request.times().isEmpty();
        if (friendlyFromToday && schedule.rrule().equals(current.rrule()) && schedule.zone().getId().equals(current.timeZone())) {
            return current.start();
        }
        return schedule.start().toString();
    }

    private static boolean sameSchedule(ReminderDocument current, Schedule schedule, String start) {
        return schedule.rrule().equals(current.rrule()) && start.equals(current.start())
                && schedule.zone().getId().equals(current.timeZone());
    }

    /** Stops (false) or resumes (true) a reminder. */
    public ReminderDocument setActive(String userId, String id, boolean active) {
        ReminderDocument current = get(userId, id);
        return change(userId, id, current.version(), new Update().set("active", active));
    }

    /** "Skip next": the next occurrence after now does not reach the person; the history says so. */
    public ReminderDocument skipNext(String userId, String id) {
        ReminderDocument current = get(userId, id);
        Instant after = current.skipThrough() != null && current.skipThrough().isAfter(clock.instant())
                ? current.skipThrough() : clock.instant();
        Instant next = Occurrences.firstAfter(trusted(current), after)
                .map(occurrence -> occurrence.at())
                .orElseThrow(() -> new InvalidReminderException("schedule", "This reminder has no further occurrence to skip."));
        return change(userId, id, current.version(), new Update().set("skipThrough", next));
    }

    /** "Snooze": once more, at this instant. At most five snoozes wait at a time. */
    public ReminderDocument snooze(String userId, String id, Instant at) {
        ReminderDocument current = get(userId, id);
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw new InvalidReminderException("at", "A snooze needs a moment still to come.");
        }
        List<Instant> waiting = current.snoozes().stream().filter(snooze -> snooze.isAfter(now)).collect(Collectors.toList());
        if (!waiting.contains(at)) {
            waiting.add(at);
        }
        waiting.sort(null);
        List<Instant> kept = waiting.subList(Math.max(0, waiting.size() - 5), waiting.size());
        return change(userId, id, current.version(), new Update().set("snoozes", List.copyOf(kept)));
    }

    public void delete(String userId, String id) {
        get(userId, id);
        feed.change(userId, id, () -> mongo.remove(Query.query(Criteria.where("_id").is(id)), ReminderDocument.class));
        places.release(userId, id);
        events.publishEvent(new ReminderDeleted(userId, id));
    }

    public ReminderDocument get(String userId, String id) {
        ReminderDocument reminder = mongo.findById(id, ReminderDocument.class);
        if (reminder == null || !reminder.userId().equals(userId)) {
            throw new ReminderNotFoundException();
        }
        return reminder;
    }

    /** A reminder by id, whoever owns it; for the engine's and the dispatcher's own use. */
    public java.util.Optional<ReminderDocument> byId(String id) {
        return java.util.Optional.ofNullable(mongo.findById(id, ReminderDocument.class));
    }

    /** What a reminder says, whoever owns it; for features that show an occurrence without sending it. */
    public java.util.Optional<ReminderWords> wordsOf(String id) {
        return byId(id).map(ReminderWords::of);
    }

    /**
     * How late a reminder may still reach the person (its grace period); empty when it is gone. The dispatcher stops
     * retrying a delivery by it, as the engine records an occurrence fired later than it as missed.
     */
    public java.util.Optional<java.time.Duration> gracePeriodOf(String id) {
        return byId(id).map(reminder -> java.time.Duration.ofMinutes(reminder.gracePeriodMinutes()));
    }

    /** The ids of a person's reminders. */
    public List<String> idsOf(String userId) {
        return list(userId).stream().map(ReminderDocument::id).toList();
    }

    /** The person's reminders, oldest first: one lookup by {@code _id} and one {@code $in}. */
    public List<ReminderDocument> list(String userId) {
        return places.reminders(userId);
    }

    /** The stored schedule, which was checked when it was saved. */
    public static Schedule trusted(ReminderDocument reminder) {
        return Schedule.parse(reminder.rrule(), reminder.start(), reminder.timeZone());
    }

    private ReminderDocument change(String userId, String id, long version, Update update) {
        update.set("updatedAt", clock.instant()).inc("version", 1);
        ReminderDocument changed = feed.change(userId, id, () -> mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("userId").is(userId).and("version").is(version)), update,
                FindAndModifyOptions.options().returnNew(true), ReminderDocument.class));
        if (changed == null) {
            ReminderDocument now = get(userId, id);
            throw new StaleReminderException(now.version() == null ? 0 : now.version());
        }
        return changed;
    }

    /** The schedule a request describes, checked; the friendly form becomes an RRULE counted from today. */
    Schedule schedule(ReminderRequest.ScheduleRequest request) {
        return RequestedSchedules.of(request, clock);
    }

    private static String message(ReminderRequest request) {
        return request.message() == null || request.message().isBlank() ? defaultMessage(request.kind()) : request.message().strip();
    }

    /** Gentle words for a reminder whose person did not write their own. */
    static String defaultMessage(String kind) {
        return switch (kind) {
            case "journal" -> "A few quiet minutes for your journal, if you would like them. A line or two is plenty.";
            case "practice" -> "Here is a moment for your practice. However it goes today is fine.";
            case "check-in" -> "Would you like to check in with yourself? There are no right answers.";
            default -> "A gentle reminder you set for yourself.";
        };
    }

    private static Set<Channel> channels(ReminderRequest request) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        request.channels().forEach(channel -> channels.add(Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT))));
        return channels;
    }

    private static int grace(ReminderRequest request) {
        return request.gracePeriodMinutes() == null ? DEFAULT_GRACE_MINUTES : request.gracePeriodMinutes();
    }
}
