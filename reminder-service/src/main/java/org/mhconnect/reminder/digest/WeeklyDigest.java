package org.mhconnect.reminder.digest;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the weekly digest: on Monday between 09:00 and 10:00 in each subscriber's own zone, one e-mail listing what
 * was published in the seven days before, and none when nothing was. Every instance runs the job (every quarter hour,
 * {@code mhc.reminder.digest.cron}); a person's week is decided by whoever first inserts their claim
 * {@code <userId>/<yyyy>-W<ww>} into {@code digests_sent}, so one person gets at most one digest an ISO week. A week
 * with nothing new, or without an address or with e-mail turned off, is claimed too, as {@code skipped}, and counted
 * once. An address still waiting for confirmation gets nothing and is not claimed, so a run after the confirmation,
 * within the hour, sends that week's digest. When the mail server does not take the e-mail, the claim is given back,
 * so a later run within the hour tries again. Meter: {@code reminders.digests} with outcome {@code sent} or {@code skipped}.
 */
@Component
class WeeklyDigest implements ReminderErasure, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    static final Duration WINDOW = Duration.ofDays(7);
    private static final int BATCH = 500;

    /** A person's digest of one ISO week: sent, or decided against. */
    @Document("digests_sent")
    record Claim(@Id String id, Instant at, String outcome) {
    }

    private final Subscribers subscribers;
    private final DigestItems items;
    private final DigestMail mail;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Counter sent;
    private final Counter skipped;

    private final ReminderProperties.Digest digest;

    WeeklyDigest(Subscribers subscribers, DigestItems items, DigestMail mail, MongoTemplate mongo, MeterRegistry registry,
            Clock clock, ReminderProperties properties) {
        this.digest = properties.digest();
        this.subscribers = subscribers;
        this.items = items;
        this.mail = mail;
        this.mongo = mongo;
        this.clock = clock;
        this.sent = Counter.builder("reminders.digests").tag("outcome", "sent")
                .description("Weekly digests sent, or decided against (nothing new, no address, e-mail off)").register(registry);
        this.skipped = Counter.builder("reminders.digests").tag("outcome", "skipped")
                .description("Weekly digests sent, or decided against (nothing new, no address, e-mail off)").register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!digest.off()) {
            tasks.addCronTask(this::run, digest.cron());
        }
    }

    void run() {
        try {
            sendDue(clock.instant());
        }
        catch (RuntimeException ex) {
            log.warn("The weekly digest run stopped early: {}", ex.getMessage());
        }
    }

    /** Sends the digests due at {@code now}; returns how many were sent. */
    int sendDue(Instant now) {
        List<String> ids = subscribers.ids();
        int count = 0;
        List<DigestItems.Item> recent = null;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Due> due = new ArrayList<>();
            for (PreferencesDocument prefs : mongo.find(Query.query(Criteria.where("_id").in(batch)), PreferencesDocument.class)) {
                ZonedDateTime local = now.atZone(zone(prefs.timeZone()));
                if (prefs.weeklyDigest() && local.getDayOfWeek() == DayOfWeek.MONDAY && local.getHour() == 9) {
                    due.add(new Due(prefs, week(local)));
                }
            }
            if (due.isEmpty()) {
                continue;
            }
            Set<String> decided = mongo.find(Query.query(Criteria.where("_id").in(due.stream().map(Due::claimId).toList())),
                    Claim.class).stream().map(Claim::id).collect(Collectors.toSet());
            for (Due person : due) {
                if (decided.contains(person.claimId()) || !person.prefs().emailConfirmed()) {
                    // Decided already, or the address still waits for confirmation: not claimed, so a confirmation
                    // later in the hour still brings this week's digest.
                    continue;
                }
                if (recent == null) {
                    recent = items.publishedBetween(now.minus(WINDOW), now);
                }
                if (send(person, recent, now)) {
                    count++;
                }
            }
        }
        return count;
    }

    private record Due(PreferencesDocument prefs, String week) {

        String claimId() {
            return prefs.userId() + "/" + week;
        }
    }

    private boolean send(Due person, List<DigestItems.Item> recent, Instant now) {
        PreferencesDocument prefs = person.prefs();
        boolean wanted = !recent.isEmpty() && prefs.email() != null && !prefs.email().isBlank() && prefs.emailEnabled();
        try {
            mongo.insert(new Claim(person.claimId(), now, wanted ? "sent" : "skipped"));
        }
        catch (DuplicateKeyException ex) {
            return false; // Another run, here or on another instance, has this person's week.
        }
        if (!wanted) {
            skipped.increment();
            return false;
        }
        try {
            mail.send(prefs.userId(), prefs.email(), recent, person.week());
            sent.increment();
            return true;
        }
        catch (MailException | MessagingException ex) {
            mongo.remove(Query.query(Criteria.where("_id").is(person.claimId())), Claim.class);
            log.warn("A weekly digest was not sent ({}); a later run this hour tries again", ex.getClass().getSimpleName());
            return false;
        }
    }

    /** {@code 2026-W10}: the ISO week-based year, which on 30 December 2024 is already 2025. */
    static String week(ZonedDateTime local) {
        return String.format("%04d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR), local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        }
        catch (RuntimeException ex) {
            return ZoneId.of("UTC");
        }
    }

    /** The person leaves the list, and the record of their weeks goes: the ids {@code <userId>/...} form one range. */
    @Override
    public long eraseAllOf(String userId) {
        subscribers.remove(userId);
        // '0' is the character after '/', so this range holds exactly the ids that start with "<userId>/".
        return mongo.remove(Query.query(Criteria.where("_id").gte(userId + "/").lt(userId + "0")), Claim.class)
                .getDeletedCount();
    }
}
