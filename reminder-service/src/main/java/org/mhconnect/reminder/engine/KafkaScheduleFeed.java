package org.mhconnect.reminder.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.mhconnect.events.Topics;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.ScheduleFeed;
import org.mhconnect.reminder.preferences.Preferences;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.mhconnect.reminder.skip.SkipRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes each reminder's current schedule to the compacted topic: key {@code <userId>/<reminderId>}, partition
 * chosen from the user id alone (Kafka's own murmur2 hash), so all of a person's reminders share a partition, as
 * their other events do. A record is the whole current state, so sending it again is always harmless. That makes
 * the outbox simple: {@code schedule_outbox} marks a reminder before the change is handed on, and the relay sends the
 * reminder's state as MongoDB has it (a tombstone if it is gone) until Kafka has acknowledged it.
 */
@Component
class KafkaScheduleFeed implements ScheduleFeed, org.springframework.beans.factory.DisposableBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(KafkaScheduleFeed.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final EventTracing tracing;

    private final org.springframework.kafka.core.DefaultKafkaProducerFactory<String, byte[]> producers;
    private final Duration relayEvery;

    /** Schedule records are the engine's own JSON, not events: a producer of plain bytes, kept out of the context. */
    KafkaScheduleFeed(org.springframework.boot.kafka.autoconfigure.KafkaProperties properties, MongoTemplate mongo, Clock clock,
            EventTracing tracing, ReminderProperties settings) {
        this.relayEvery = settings.engine().relayEvery();
        java.util.Map<String, Object> config = new java.util.HashMap<>(properties.buildProducerProperties());
        config.put(org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all");
        config.put(org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new org.springframework.kafka.core.DefaultKafkaProducerFactory<>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.mongo = mongo;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * A reminder whose latest state may not have reached Kafka yet, with the W3C trace context of the change
     * ({@code null} on entries written before tracing), which the relay continues.
     */
    @Document("schedule_outbox")
    record Pending(@Id String reminderId, String userId, Instant since, String traceparent) {
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void changed(ReminderDocument reminder) {
        send(reminder.userId(), reminder.id());
    }

    @Override
    public void removed(ReminderDocument reminder) {
        send(reminder.userId(), reminder.id());
    }

    private void send(String userId, String reminderId) {
        mongo.save(new Pending(reminderId, userId, clock.instant(), tracing.current()));
        try {
            publish(userId, reminderId);
            mongo.remove(Query.query(Criteria.where("_id").is(reminderId).and("userId").is(userId)), Pending.class);
        }
        catch (RuntimeException ex) {
            log.warn("Schedule of reminder {} not yet handed to the engine ({}); the relay will retry", reminderId, ex.getMessage());
        }
    }

    /** Sends what MongoDB holds now, and waits for the broker. */
    private void publish(String userId, String reminderId) {
        ReminderDocument reminder = mongo.findById(reminderId, ReminderDocument.class);
        ScheduleRecord record = reminder == null ? null : record(reminder, mongo.findById(userId, PreferencesDocument.class));
        try {
            int partitions = kafka.partitionsFor(Topics.REMINDER_SCHEDULES).size();
            int partition = Utils.toPositive(Utils.murmur2(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
            ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.REMINDER_SCHEDULES, partition,
                    ScheduleRecord.key(userId, reminderId), record == null ? null : JsonSerde.JSON.writeValueAsBytes(record));
            tracing.addTo(out.headers());
            kafka.send(out).get(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException(ex.getClass().getSimpleName(), ex);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::relay, relayEvery, relayEvery));
    }

    void relay() {
        Instant before = clock.instant().minus(Duration.ofSeconds(5));
        for (Pending pending : mongo.find(Query.query(Criteria.where("since").lt(before)).limit(500), Pending.class)) {
            try {
                tracing.run(pending.traceparent(), "schedule relay", () -> publish(pending.userId(), pending.reminderId()));
                mongo.remove(Query.query(Criteria.where("_id").is(pending.reminderId()).and("since").is(pending.since())), Pending.class);
            }
            catch (RuntimeException ex) {
                log.warn("Schedule of reminder {} still not handed to the engine: {}", pending.reminderId(), ex.getMessage());
                return;
            }
        }
    }

    /** The reminder joined with the preferences that change its timing. */
    static ScheduleRecord record(ReminderDocument reminder, PreferencesDocument prefs) {
        SkipRule.Personal personal = Preferences.skipSettings(prefs).in(reminder.timeZone());
        SkipRule.QuietHours hours = personal.quietHours();
        return new ScheduleRecord(reminder.id(), reminder.userId(), reminder.kind().wireName(), reminder.rrule(),
                reminder.start(), reminder.timeZone(), reminder.gracePeriodMinutes(), reminder.active(),
                reminder.skipThrough(), reminder.snoozes(), hours == null ? null : hours.start(),
                hours == null ? null : hours.end(), hours == null ? null : hours.mode(), hours == null ? null : hours.zone(),
                personal.pausedUntil(), reminder.version() == null ? 0 : reminder.version());
    }
}
