package org.mhconnect.reminder.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.mhconnect.events.Topics;
import org.mhconnect.events.notification.NotificationDelivered;
import org.mhconnect.events.notification.NotificationFailed;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.actions.ActionLinks;
import org.mhconnect.reminder.actions.ActionLinks.Action;
import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.preferences.Preferences;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries, each on a virtual thread, and retries the ones that did not arrive by the
 * {@link RetrySchedule}: exponential backoff with random jitter, capped at a minute, until the reminder's window
 * (its grace period, at most an hour) has passed since it was due. Then the delivery is marked failed, the history
 * says so and {@code notification.failed} goes out. Each next attempt's time is in the queue, in MongoDB, so a restart
 * loses no retry; every attempt carries the same delivery id (the webhook's {@code webhook-id}), so a receiver drops
 * a repeat. A lease in the queue lets one instance at a time attempt a delivery; when that instance dies, the lease
 * runs out and another instance carries on, so a queued delivery is never lost.
 */
@Component
public class DeliveryWorker implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Reminders reminders;
    private final Preferences preferences;
    private final History history;
    private final ActionLinks links;
    private final EventPublisher publisher;
    private final DeliveryMetrics metrics;
    private final ReminderProperties properties;
    private final RetrySchedule retries;
    private final Clock clock;
    private final EventTracing tracing;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    DeliveryWorker(MongoTemplate mongo, List<ChannelSender> senders, Reminders reminders, Preferences preferences,
            History history, ActionLinks links, EventPublisher publisher, DeliveryMetrics metrics,
            ReminderProperties properties, Clock clock, EventTracing tracing) {
        this.mongo = mongo;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.reminders = reminders;
        this.preferences = preferences;
        this.history = history;
        this.links = links;
        this.publisher = publisher;
        this.metrics = metrics;
        this.properties = properties;
        ReminderProperties.Delivery delivery = properties.delivery();
        this.retries = new RetrySchedule(delivery.firstBackoff(), delivery.maxBackoff(), delivery.retryWindow(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
        this.tracing = tracing;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration every = properties.delivery().sweepEvery();
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, every, Duration.ZERO));
    }

    /** Something was queued: look now rather than at the next sweep. */
    void kick() {
        executor.submit(this::sweep);
    }

    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = clock.instant();
            // Leased ones are left out: 200 attempts in flight at a receiver that times out would otherwise fill every
            // look while the deliveries behind them waited.
            Query due = Query.query(Criteria.where("nextAttemptAt").lte(now)).addCriteria(free(now)).limit(200);
            for (QueuedDelivery queued : mongo.find(due, QueuedDelivery.class)) {
                QueuedDelivery claimed = claim(queued.id(), now);
                if (claimed != null) {
                    // A child span of the firing per channel delivery; its name holds the channel, never an address.
                    executor.submit(() -> tracing.run(claimed.traceparent(), "reminder deliver " + claimed.channel(),
                            () -> attempt(claimed)));
                }
            }
        }
        catch (RuntimeException ex) {
            log.warn("The delivery queue could not be read: {}", ex.getMessage());
        }
        finally {
            sweeping.set(false);
        }
    }

    /** Takes the lease, unless another instance holds one that has not run out. */
    private QueuedDelivery claim(String id, Instant now) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("nextAttemptAt").lte(now)).addCriteria(free(now)),
                new Update().set("leaseUntil", now.plus(LEASE)), FindAndModifyOptions.options().returnNew(true),
                QueuedDelivery.class);
    }

    /** No instance holds a lease on it, or the one it held has run out. */
    private static Criteria free(Instant now) {
        return new Criteria().orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
    }

    private void attempt(QueuedDelivery queued) {
        int attempt = queued.attempts() + 1;
        Channel channel = Channel.valueOf(queued.channel().toUpperCase(java.util.Locale.ROOT));
        ReminderDocument reminder = reminders.byId(queued.reminderId()).orElse(null);
        if (reminder == null) {
            // Deleted since, or the whole account erased: its history went with it and is not written again, which
            // would make a history document, with the person's id, for a reminder that no longer exists.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(queued.id())), new Update().set("status", "FAILED")
                    .set("lastError", "the reminder was deleted").set("finishedAt", clock.instant()), DeliveryDocument.class);
            mongo.remove(Query.query(Criteria.where("_id").is(queued.id())), QueuedDelivery.class);
            return;
        }
        PreferencesDocument prefs = preferences.of(queued.userId());
        Attempt result;
        try {
            result = senders.get(channel).send(notice(queued, reminder), prefs);
        }
        catch (RuntimeException ex) {
            result = new Attempt.Retry(ex.getClass().getSimpleName());
        }
        switch (result) {
            case Attempt.Sent sent -> {
                // After retries, the history says what kept it: "arrived on attempt 4 (before: …)".
                finish(queued, "SENT", attempt == 1 ? null : "arrived on attempt " + attempt
                        + (queued.lastError() == null ? "" : " (before: " + queued.lastError() + ")"), attempt, true);
                metrics.delivered(queued.channel(), Duration.between(queued.fireAt(), clock.instant()));
                publish(new NotificationDelivered(UUID.nameUUIDFromBytes(("delivered/" + queued.id()).getBytes()), clock.instant(),
                        queued.userId(), queued.occurrenceId(), queued.reminderId(), queued.channel(), sent.reference()));
            }
            case Attempt.Retry retry -> retryOrGiveUp(queued, attempt, retry.reason());
            case Attempt.Fail fail -> failed(queued, fail.reason(), attempt, false);
            case Attempt.Gone gone -> {
                preferences.disableWebhook(queued.userId(), gone.reason());
                failed(queued, gone.reason(), attempt, false);
            }
        }
    }

    private void retryOrGiveUp(QueuedDelivery queued, int attempt, String reason) {
        // A reminder stored without a grace period (none is below 5 minutes) is bounded by the retry window alone.
        Duration gracePeriod = reminders.gracePeriodOf(queued.reminderId()).filter(Duration::isPositive)
                .orElse(properties.delivery().retryWindow());
        Instant now = clock.instant();
        Optional<Instant> next = retries.next(attempt, queued.fireAt(), gracePeriod, now);
        if (next.isEmpty()) {
            Duration late = Duration.between(queued.fireAt(), now);
            failed(queued, reason + "; given up after " + attempt + (attempt == 1 ? " attempt, " : " attempts, ")
                    + (late.toMinutes() > 0 ? late.toMinutes() + " min" : late.toSeconds() + " s") + " after it was due",
                    attempt, true);
            return;
        }
        // The next attempt's time is stored before the lease is let go, so a restart picks the retry up from MongoDB.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(queued.id())), new Update().set("attempts", attempt)
                .set("nextAttemptAt", next.get()).set("lastError", reason).unset("leaseUntil"), QueuedDelivery.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(queued.id())),
                new Update().set("attempts", attempt).set("lastError", reason), DeliveryDocument.class);
        log.info("Delivery {} attempt {} did not arrive ({}); next at {}", queued.id(), attempt, reason, next.get());
        metrics.retried(queued.channel());
    }

    private void failed(QueuedDelivery queued, String reason, int attempts, boolean afterEveryAttempt) {
        finish(queued, "FAILED", reason, attempts, false);
        metrics.failed(queued.channel(), afterEveryAttempt);
        publish(new NotificationFailed(UUID.nameUUIDFromBytes(("failed/" + queued.id()).getBytes()), clock.instant(),
                queued.userId(), queued.occurrenceId(), queued.reminderId(), queued.channel(), attempts, reason));
    }

    private void finish(QueuedDelivery queued, String status, String reason, int attempts, boolean sent) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(queued.id())), new Update().set("status", status)
                .set("attempts", attempts).set("lastError", reason).set("finishedAt", clock.instant()), DeliveryDocument.class);
        history.channel(queued.userId(), queued.reminderId(), queued.occurrenceId(), queued.scheduledAt(), queued.channel(),
                sent ? "sent" : "failed", reason, attempts);
        mongo.remove(Query.query(Criteria.where("_id").is(queued.id())), QueuedDelivery.class);
    }

    private void publish(org.mhconnect.events.DomainEvent event) {
        try {
            publisher.publish(Topics.NOTIFICATIONS, event);
        }
        catch (RuntimeException ex) {
            // The delivery itself is recorded; a live view misses this one update and shows it on its next load.
            log.warn("Notification event not published: {}", ex.getMessage());
        }
    }

    private Notice notice(QueuedDelivery queued, ReminderDocument reminder) {
        String user = queued.userId();
        String id = reminder.id();
        String occurrence = queued.occurrenceId();
        String base = properties.publicUrl().replaceAll("/+$", "");
        String open = switch (reminder.kind()) {
            case JOURNAL -> base + "/#/journal/new";
            case PRACTICE -> reminder.practiceSlug() == null ? base + "/#/library" : base + "/#/library/" + reminder.practiceSlug();
            case CHECK_IN -> base + "/#/check-in";
            case CUSTOM -> base + "/#/today";
        };
        Notice.Links actionLinks = new Notice.Links(open,
                links.link(user, id, occurrence, Action.SNOOZE_15_MINUTES),
                links.link(user, id, occurrence, Action.SNOOZE_1_HOUR),
                links.link(user, id, occurrence, Action.SNOOZE_TOMORROW),
                links.link(user, id, occurrence, Action.SKIP_NEXT),
                links.link(user, id, occurrence, Action.STOP),
                links.link(user, id, occurrence, Action.UNSUBSCRIBE));
        return new Notice(queued.id(), occurrence, id, user, reminder.kind().wireName(), reminder.title(), reminder.message(),
                reminder.practiceSlug(), queued.scheduledAt().atZone(ZoneId.of(reminder.timeZone())), actionLinks);
    }

    /** Erasure: the person's queued deliveries go. A scan of the small queue. */
    public void eraseAllOf(String userId) {
        mongo.remove(Query.query(Criteria.where("userId").is(userId)), QueuedDelivery.class);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
