package org.mhconnect.reminder.preferences;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.mhconnect.reminder.erasure.ReminderErasure;
import org.mhconnect.reminder.definition.InvalidReminderException;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.definition.ScheduleFeed;
import org.mhconnect.reminder.definition.StaleReminderException;
import org.mhconnect.reminder.skip.SkipRule;
import org.mhconnect.timezones.TimeZones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Reads and changes a person's preferences; a change that affects timing is handed to the engine at once. */
@Service
@org.springframework.core.annotation.Order(ReminderErasure.PREFERENCES)
public class Preferences implements ReminderErasure {

    private static final String PREFERENCES = "preferences";

    private final MongoTemplate mongo;
    private final Reminders reminders;
    private final ScheduleFeed feed;
    private final DigestSubscribers digestSubscribers;

    Preferences(MongoTemplate mongo, Reminders reminders, ScheduleFeed feed, DigestSubscribers digestSubscribers) {
        this.mongo = mongo;
        this.reminders = reminders;
        this.feed = feed;
        this.digestSubscribers = digestSubscribers;
    }

    /** The person's preferences; made with defaults (UTC, no e-mail yet) if the registration has not arrived. */
    public PreferencesDocument of(String userId) {
        PreferencesDocument found = mongo.findById(userId, PreferencesDocument.class);
        if (found != null) {
            return found;
        }
        try {
            return mongo.insert(PreferencesDocument.initial(userId, null, "UTC", null));
        }
        catch (DuplicateKeyException ex) {
            return mongo.findById(userId, PreferencesDocument.class);
        }
    }

    /** What of the person's preferences decides whether a reminder is skipped; nothing without preferences yet. */
    public SkipRule.Settings skipSettings(String userId) {
        return skipSettings(find(userId).orElse(null));
    }

    /** The same for preferences already read (the engine's feed joins them with each reminder). */
    public static SkipRule.Settings skipSettings(PreferencesDocument prefs) {
        if (prefs == null) {
            return SkipRule.Settings.NONE;
        }
        PreferencesDocument.QuietHours quiet = prefs.quietHours();
        return new SkipRule.Settings(prefs.timeZone(), prefs.pausedUntil(), quiet == null ? null : quiet.start(),
                quiet == null ? null : quiet.end(), quiet == null ? null : quiet.mode().name());
    }

    public Optional<PreferencesDocument> find(String userId) {
        return Optional.ofNullable(mongo.findById(userId, PreferencesDocument.class));
    }

    /**
     * On registration: the account's address, whether it is confirmed yet, and zone, no reminders. A redelivered
     * event changes nothing. {@code emailVerified} is null for events from before confirmation existed (verified).
     */
    public void registered(String userId, String email, String timeZone, Boolean emailVerified) {
        mongo.upsert(Query.query(Criteria.where("_id").is(userId)), new Update()
                .setOnInsert("email", email)
                .setOnInsert("emailVerified", emailVerified)
                .setOnInsert("timeZone", zoneOr(timeZone))
                .setOnInsert("emailEnabled", true)
                .setOnInsert("weeklyDigest", false)
                .setOnInsert("version", 0L), PreferencesDocument.class);
        // Defaults made by a read before this event arrived are completed: the zone while the person has not chosen
        // one (first: each typed update moves the version), and the address with whether it is confirmed.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("version").is(0L).and("timeZone").is("UTC")),
                new Update().set("timeZone", zoneOr(timeZone)), PreferencesDocument.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("email").is(null)),
                new Update().set("email", email).set("emailVerified", emailVerified), PreferencesDocument.class);
    }

    /**
     * The account's address changed. A new address arrives here only through the confirmation link, so it counts as
     * confirmed; the same address (another part of the profile changed) keeps its state. Only preferences that exist
     * are updated, so a late event about an account already erased brings nothing back.
     */
    public void profileChanged(String userId, String email, String timeZone) {
        boolean newAddress = mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("email").ne(email)),
                new Update().set("email", email).set("emailVerified", true).inc("version", 1),
                PreferencesDocument.class).getMatchedCount() > 0;
        if (!newAddress) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)), new Update().inc("version", 1),
                    PreferencesDocument.class);
        }
    }

    /**
     * The person confirmed {@code email}: mail may go there from now on. A confirmation of an address the account
     * no longer uses changes nothing. One read before the registration keeps the confirmation: preferences without
     * an address take it, and a person with no preferences yet gets them, so the later {@code user.registered}
     * (which sets only what is missing) cannot undo it.
     */
    public void emailVerified(String userId, String email) {
        if (confirm(userId, email) || find(userId).isPresent()) {
            return;
        }
        try {
            mongo.insert(PreferencesDocument.initial(userId, email, "UTC", true));
        }
        catch (DuplicateKeyException ex) {
            confirm(userId, email); // made a moment ago by a read or the registration
        }
    }

    /**
     * Marks the address confirmed if it is the stored one (or none is stored yet). Through the collection's name, so
     * the version stays: nothing a person set changed, and "version 0" still means they have not chosen a zone.
     */
    private boolean confirm(String userId, String email) {
        Criteria thatAddressOrNone = new Criteria().orOperator(Criteria.where("email").is(email), Criteria.where("email").is(null));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)).addCriteria(thatAddressOrNone),
                new Update().set("email", email).set("emailVerified", true), PREFERENCES).getMatchedCount() > 0;
    }

    /** What a person may change here. */
    public record Change(String timeZone, PreferencesDocument.QuietHours quietHours, String pausedUntil,
            boolean emailEnabled, boolean weeklyDigest, long version) {
    }

    public PreferencesDocument change(String userId, Change change) {
        check(change);
        of(userId);
        if (change.weeklyDigest()) {
            // Before the choice is saved, so that everyone who wants the digest is always on the list.
            digestSubscribers.add(userId);
        }
        Update update = new Update()
                .set("timeZone", change.timeZone())
                .set("quietHours", change.quietHours())
                .set("pausedUntil", change.pausedUntil())
                .set("emailEnabled", change.emailEnabled())
                .set("weeklyDigest", change.weeklyDigest())
                .inc("version", 1);
        PreferencesDocument changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(userId).and("version").is(change.version())), update,
                FindAndModifyOptions.options().returnNew(true), PreferencesDocument.class);
        if (changed == null) {
            PreferencesDocument now = of(userId);
            throw new StaleReminderException(now.version() == null ? 0 : now.version());
        }
        if (!changed.weeklyDigest()) {
            digestSubscribers.remove(userId);
        }
        republish(userId);
        return changed;
    }

    /** One-click unsubscribe from an e-mail: the e-mail channel stops for every reminder. */
    public void unsubscribeEmail(String userId) {
        of(userId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
                new Update().set("emailEnabled", false).inc("version", 1), PreferencesDocument.class);
    }

    /**
     * The one-click "no more weekly digests" link. Only preferences that exist are changed (a link clicked after the
     * account was erased brings nothing back), and the version moves only when the choice does.
     */
    public void stopWeeklyDigest(String userId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("weeklyDigest").is(true)),
                new Update().set("weeklyDigest", false).inc("version", 1), PreferencesDocument.class);
        digestSubscribers.remove(userId);
    }

    public void setWebhook(String userId, PreferencesDocument.Webhook webhook) {
        of(userId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
                new Update().set("webhook", webhook).inc("version", 1), PreferencesDocument.class);
    }

    /** The receiver answered 410 Gone: the endpoint is kept, but nothing more is sent to it. */
    public void disableWebhook(String userId, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("webhook").ne(null)),
                new Update().set("webhook.disabledReason", reason).inc("version", 1), PreferencesDocument.class);
    }

    /** Quiet hours, pause and zone are part of every schedule the engine keeps, so every reminder goes again. */
    private void republish(String userId) {
        for (ReminderDocument reminder : reminders.list(userId)) {
            feed.changed(reminder);
        }
    }

    @Override
    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(userId)), PreferencesDocument.class).getDeletedCount();
    }

    private static void check(Change change) {
        zone(change.timeZone());
        if (change.quietHours() != null) {
            time("quietHours.start", change.quietHours().start());
            time("quietHours.end", change.quietHours().end());
            if (change.quietHours().start().equals(change.quietHours().end())) {
                throw new InvalidReminderException("quietHours", "Quiet hours need a start and an end that differ.");
            }
            if (change.quietHours().mode() == null) {
                throw new InvalidReminderException("quietHours.mode", "Say whether a reminder in quiet hours waits (DELAY) or is skipped (SKIP).");
            }
        }
        if (change.pausedUntil() != null) {
            try {
                LocalDate.parse(change.pausedUntil());
            }
            catch (RuntimeException ex) {
                throw new InvalidReminderException("pausedUntil", "'pausedUntil' must be a date such as 2026-12-27.");
            }
        }
    }

    private static void time(String field, String value) {
        try {
            LocalTime.parse(value);
        }
        catch (RuntimeException ex) {
            throw new InvalidReminderException(field, "'" + field + "' must be a time such as 22:00.");
        }
    }

    static ZoneId zone(String zone) {
        return TimeZones.region(zone).orElseThrow(() -> new InvalidReminderException("timeZone",
                "'" + zone + "' is not a known IANA time zone, such as Europe/Berlin."));
    }

    private static String zoneOr(String zone) {
        return TimeZones.canonical(zone).orElse("UTC");
    }

    static List<String> none() {
        return List.of();
    }
}
