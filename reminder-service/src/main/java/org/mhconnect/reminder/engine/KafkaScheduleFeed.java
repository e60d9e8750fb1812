package org.mhconnect.reminder.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.mhconnect.events.Topics;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.StateOutbox;
import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.ScheduleFeed;
import org.mhconnect.reminder.preferences.Preferences;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.mhconnect.reminder.skip.SkipRule;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes each reminder's current schedule to the compacted topic: key {@code <userId>/<reminderId>}, partition
 * chosen from the user id alone (Kafka's own murmur2 hash), so all of a person's reminders share a partition, as
 * their other events do. A record is the whole current state, so sending it again is always harmless: the outbox
 * module's {@link StateOutbox} (collection {@code schedule_outbox}) marks a reminder before its change is written and
 * sends its state as MongoDB has it (a tombstone if it is gone) until Kafka has acknowledged it.
 */
@Component
class KafkaScheduleFeed implements ScheduleFeed, SmartLifecycle {

    static final String COLLECTION = "schedule_outbox";

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final EventTracing tracing;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final StateOutbox outbox;

    /** Schedule records are the engine's own JSON, not events: a producer of plain bytes, kept out of the context. */
    KafkaScheduleFeed(KafkaProperties properties, MongoTemplate mongo, Clock clock, EventTracing tracing, ReminderProperties settings) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.mongo = mongo;
        this.tracing = tracing;
        // A mark is the relay's once the change that made it has had 5 s to send it itself.
        this.outbox = new StateOutbox(mongo, clock, tracing,
                new StateOutbox.Settings(COLLECTION, Duration.ofSeconds(5), settings.engine().relayEvery()),
                (reminderId, userId) -> publish(userId, reminderId));
    }

    @Override
    public <T> T change(String userId, String reminderId, Supplier<T> write) {
        return outbox.around(reminderId, userId, write);
    }

    @Override
    public void changed(ReminderDocument reminder) {
        outbox.changed(reminder.id(), reminder.userId());
    }

    /** One pass of the relay, for tests. */
    StateOutbox.Pass relay() {
        return outbox.relay();
    }

    /** Sends what MongoDB holds now, and waits for the broker. */
    private void publish(String userId, String reminderId) {
        ReminderDocument reminder = mongo.findById(reminderId, ReminderDocument.class);
        ScheduleRecord record = reminder == null ? null : record(reminder, mongo.findById(userId, PreferencesDocument.class));
        try {
            int partitions = kafka.partitionsFor(Topics.REMINDER_SCHEDULES).size();
            int partition = Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % partitions;
            ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.REMINDER_SCHEDULES, partition,
                    ScheduleRecord.key(userId, reminderId), record == null ? null : JsonSerde.JSON.writeValueAsBytes(record));
            tracing.addTo(out.headers());
            kafka.send(out).get(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException(ex.getClass().getSimpleName(), ex);
        }
    }

    @Override
    public void start() {
        // Marks written before the outbox module (reminderId, userId, since) take the module's field names.
        mongo.updateMulti(Query.query(Criteria.where("since").exists(true)),
                new Update().rename("since", "stagedAt").rename("userId", "key"), COLLECTION);
        outbox.start();
    }

    @Override
    public void stop() {
        outbox.stop();
        producers.destroy();
    }

    @Override
    public boolean isRunning() {
        return outbox.isRunning();
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
