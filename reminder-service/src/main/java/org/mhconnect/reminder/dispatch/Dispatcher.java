package org.mhconnect.reminder.dispatch;

import java.time.Clock;
import java.util.Optional;

import org.mhconnect.events.Topics;
import org.mhconnect.events.reminder.ReminderDue;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.ReminderKind;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.journaling.JournaledDays;
import org.mhconnect.reminder.preferences.Preferences;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.mhconnect.reminder.skip.SkipReason;
import org.mhconnect.reminder.skip.SkipRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code reminder.due} and turns each occurrence into one delivery per chosen channel, or records why it
 * was not sent: skipped (already journaled that day, paused, quiet hours, "skip next"), or missed (later than its
 * grace period). A skipped occurrence of a reminder that goes to the inbox is kept there too, read, with its reason, so
 * the inbox's history says what did not come and why. A channel that cannot be used is left out with its reason in the history (no address, unsubscribed,
 * an address still waiting for confirmation, no or a disabled webhook) while the others still deliver. A delivery's id is {@code <occurrenceId>/<channel>} and unique, so an event read twice queues
 * nothing twice. Sending happens in {@link DeliveryWorker}, off the consumer thread, so a slow receiver never holds up
 * the partition. A record that cannot be read goes to {@code mhc.reminders.due.reminder-service.dlt} (kafka-events).
 */
@Component
@KafkaListener(id = "reminder-dispatcher", topics = Topics.REMINDERS_DUE, groupId = "reminder-dispatcher")
class Dispatcher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);

    /** Not a failure: the e-mail is left out, and reminders after the confirmation are e-mailed again. */
    static final String WAITING_FOR_CONFIRMATION = "skipped: waiting for e-mail confirmation";

    private final Reminders reminders;
    private final Preferences preferences;
    private final JournaledDays journaledDays;
    private final History history;
    private final MongoTemplate mongo;
    private final DeliveryWorker worker;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final EventTracing tracing;
    private final SkippedOccurrences skippedOccurrences;

    Dispatcher(Reminders reminders, Preferences preferences, JournaledDays journaledDays, History history,
            MongoTemplate mongo, DeliveryWorker worker, DeliveryMetrics metrics, Clock clock, EventTracing tracing,
            SkippedOccurrences skippedOccurrences) {
        this.skippedOccurrences = skippedOccurrences;
        this.reminders = reminders;
        this.preferences = preferences;
        this.journaledDays = journaledDays;
        this.history = history;
        this.mongo = mongo;
        this.worker = worker;
        this.metrics = metrics;
        this.clock = clock;
        this.tracing = tracing;
    }

    @KafkaHandler
    void due(ReminderDue due) {
        ReminderDocument reminder = reminders.byId(due.reminderId()).orElse(null);
        if (reminder == null || !reminder.userId().equals(due.userId())) {
            log.debug("Occurrence {}: its reminder is gone", due.occurrenceId());
            return; // Deleted since: nothing to send and nobody to tell.
        }
        java.util.Set<Channel> channels = reminder.channels();
        if (due.outcome() == ReminderDue.Outcome.MISSED) {
            log.debug("Occurrence {}: missed", due.occurrenceId());
            history.occurrence(due.userId(), due.reminderId(), due.occurrenceId(), due.scheduledAt(), "missed",
                    "missed: later than its grace period");
            return;
        }
        // The engine decided what it could know (paused, skip next, quiet hours); the journaled day is looked up here,
        // by the same rule the API shows ahead (SkipRule).
        Optional<SkipReason> skipped = SkipReason.of(due.outcome()).or(() -> SkipRule.journaled(
                reminder.kind() == ReminderKind.JOURNAL, journaledDays.journaledOn(due.userId(), due.localDate())));
        log.debug("Occurrence {}: {}", due.occurrenceId(), skipped.map(SkipReason::history).orElse("to send"));
        if (skipped.isPresent()) {
            history.occurrence(due.userId(), due.reminderId(), due.occurrenceId(), due.scheduledAt(), "skipped",
                    skipped.get().history());
            if (skipped.get() == SkipReason.ALREADY_JOURNALED) {
                // The engine counted the others (paused, quiet hours, skip next) as it emitted them.
                metrics.alreadyJournaled();
            }
            if (channels.contains(Channel.INBOX)) {
                SkipReason reason = skipped.get();
                reminders.wordsOf(due.reminderId()).ifPresent(words -> skippedOccurrences.skipped(new SkippedOccurrence(
                        due.userId(), due.occurrenceId(), due.reminderId(), words, due.scheduledAt(), reason)));
            }
            return;
        }
        PreferencesDocument prefs = preferences.of(due.userId());
        for (Channel channel : channels) {
            String unavailable = unavailable(channel, prefs);
            if (unavailable != null) {
                history.channel(due.userId(), due.reminderId(), due.occurrenceId(), due.scheduledAt(), channel.wireName(),
                        "skipped", unavailable, 0);
                continue;
            }
            queue(due, channel);
        }
        worker.kick();
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        // Only reminder.due travels on this topic.
    }

    private static String unavailable(Channel channel, PreferencesDocument prefs) {
        return switch (channel) {
            case EMAIL -> prefs.email() == null ? "skipped: no e-mail address yet"
                    : !prefs.emailEnabled() ? "skipped: you unsubscribed from reminder e-mails"
                    : !prefs.emailConfirmed() ? WAITING_FOR_CONFIRMATION : null;
            case WEBHOOK -> prefs.webhook() == null ? "skipped: no webhook is set up"
                    : !prefs.webhook().active() ? "skipped: the webhook is disabled (" + prefs.webhook().disabledReason() + ")" : null;
            case INBOX -> null;
            // Push without a subscribed device fails, saying so (push/PushChannel).
            default -> null;
        };
    }

    private void queue(ReminderDue due, Channel channel) {
        String id = due.occurrenceId() + "/" + channel.wireName();
        try {
            mongo.insert(new DeliveryDocument(id, due.userId(), due.reminderId(), due.occurrenceId(), channel.wireName(),
                    due.scheduledAt(), due.fireAt(), "PENDING", 0, null, clock.instant(), null));
        }
        catch (DuplicateKeyException ex) {
            // Read before. Sent, failed or queued then, unless the process stopped between writing the delivery and
            // queueing it: a pending delivery without its queue entry is queued now.
            DeliveryDocument known = mongo.findById(id, DeliveryDocument.class);
            if (known == null || !"PENDING".equals(known.status())) {
                return;
            }
        }
        mongo.upsert(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update()
                        .setOnInsert("userId", due.userId()).setOnInsert("reminderId", due.reminderId())
                        .setOnInsert("occurrenceId", due.occurrenceId()).setOnInsert("channel", channel.wireName())
                        .setOnInsert("scheduledAt", due.scheduledAt()).setOnInsert("fireAt", due.fireAt())
                        .setOnInsert("attempts", 0).setOnInsert("nextAttemptAt", clock.instant())
                        .setOnInsert("traceparent", tracing.current()),
                QueuedDelivery.class);
    }
}
