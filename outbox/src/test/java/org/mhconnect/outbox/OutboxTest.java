package org.mhconnect.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.testsupport.TestInfrastructure;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox every service uses, against a real Kafka broker and the MongoDB wire protocol (mongo-java-server here,
 * a MongoDB replica set with {@code -Dmhc.test.infra=containers}). A change is never without its event, no event
 * describes a change that does not exist, and events with the same key go out in the order they were staged.
 */
class OutboxTest {

    static final Duration RELAY_AFTER = Duration.ofSeconds(10);
    static final Duration ABANDON_AFTER = Duration.ofMinutes(5);

    static MongoClient client;
    static KafkaTemplate<String, Object> kafka;
    static KafkaTemplate<String, Object> unreachableKafka;

    final JsonMapper json = JsonMapper.builder().build();
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));
    final Set<String> written = ConcurrentHashMap.newKeySet();

    String topic;
    MongoTemplate mongo;
    Outbox outbox;
    TopicProbe probe;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        kafka = template(TestInfrastructure.get().kafkaBootstrapServers());
        // A broker that never answers: nothing listens on port 1.
        unreachableKafka = template("127.0.0.1:1");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void newTopicAndCollection() throws Exception {
        topic = "outbox-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
            // One partition, so the order of the records on it is the order they were published.
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        mongo = new MongoTemplate(client, "outbox_test");
        mongo.dropCollection("staged_events");
        outbox = outbox(kafka);
        outbox.start();
        probe = new TopicProbe(topic);
    }

    @AfterEach
    void close() {
        outbox.stop();
        probe.close();
    }

    @Test
    void aReleasedEventIsPublishedAndLeavesTheOutbox() {
        JournalEntryRecorded event = event("person-1");

        outbox.around(topic, "person-1", event, "entry-1", () -> written.add("entry-1"));

        assertThat(published(1)).containsExactly(event.eventId().toString());
        assertThat(staged()).isEmpty();
    }

    @Test
    void aWriteThatFailsTakesItsEventWithIt() {
        JournalEntryRecorded event = event("person-1");

        assertThatThrownBy(() -> outbox.around(topic, "person-1", event, "entry-1", () -> {
            throw new IllegalStateException("the write failed");
        })).hasMessage("the write failed");

        assertThat(staged()).isEmpty();
        clock.advance(ABANDON_AFTER.plusMinutes(1));
        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(0, 0, 0));
    }

    @Test
    void whenTheBrokerIsAwayTheRequestStillSucceedsAndTheRelayPublishesLater() {
        Outbox brokerAway = outbox(unreachableKafka);
        JournalEntryRecorded event = event("person-1");

        brokerAway.around(topic, "person-1", event, "entry-1", () -> written.add("entry-1"));

        assertThat(staged()).extracting(StagedEvent::eventId).containsExactly(event.eventId().toString());
        clock.advance(RELAY_AFTER.plusSeconds(1));
        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(1, 0, 0));
        assertThat(published(1)).containsExactly(event.eventId().toString());
        assertThat(staged()).isEmpty();
    }

    @Test
    void theRelayLeavesAFreshEventToTheRequestThatStagedIt() {
        JournalEntryRecorded event = event("person-1");
        outbox.stage(topic, "person-1", event, "entry-1");
        written.add("entry-1");

        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(0, 0, 0));

        assertThat(staged()).hasSize(1);
    }

    @Test
    void theRelayWaitsForAChangeThatMayStillBeWritten() {
        outbox.stage(topic, "person-1", event("person-1"), "entry-1");
        clock.advance(RELAY_AFTER.plusSeconds(1));

        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(0, 0, 1));

        assertThat(staged()).hasSize(1);
    }

    @Test
    void theRelayDropsAnEventWhoseChangeWasNeverWritten() {
        JournalEntryRecorded never = event("person-1");
        outbox.stage(topic, "person-1", never, "entry-never-written");
        clock.advance(ABANDON_AFTER.plusSeconds(1));

        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(0, 1, 0));

        assertThat(staged()).isEmpty();
        JournalEntryRecorded marker = event("person-2");
        outbox.around(topic, "person-2", marker, "entry-2", () -> written.add("entry-2"));
        assertThat(published(1)).containsExactly(marker.eventId().toString());
    }

    @Test
    void eventsWithTheSameKeyGoOutInTheOrderTheyWereStaged() {
        JournalEntryRecorded first = event("person-1");
        outbox.stage(topic, "person-1", first, "entry-1"); // Its write is slow: not written yet.
        clock.advance(Duration.ofSeconds(1));
        JournalEntryRecorded second = event("person-1");

        outbox.around(topic, "person-1", second, "entry-2", () -> written.add("entry-2"));

        assertThat(staged()).hasSize(2);
        written.add("entry-1");
        clock.advance(RELAY_AFTER.plusSeconds(1));
        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(2, 0, 0));
        assertThat(published(2)).containsExactly(first.eventId().toString(), second.eventId().toString());
    }

    @Test
    void theRelayHoldsBackAKeysLaterEventsWhileAnEarlierOneCannotGo() {
        outbox.stage(topic, "person-1", event("person-1"), "entry-1");
        clock.advance(Duration.ofSeconds(1));
        outbox.stage(topic, "person-1", event("person-1"), "entry-2");
        written.add("entry-2");
        clock.advance(RELAY_AFTER.plusSeconds(1));

        assertThat(outbox.relay()).isEqualTo(new Outbox.Pass(0, 0, 2));

        assertThat(staged()).hasSize(2);
    }

    @Test
    void anotherKeyIsNeverHeldBack() {
        outbox.stage(topic, "person-1", event("person-1"), "entry-1");
        JournalEntryRecorded other = event("person-2");

        outbox.around(topic, "person-2", other, "entry-2", () -> written.add("entry-2"));

        assertThat(published(1)).containsExactly(other.eventId().toString());
    }

    @Test
    void aRelayedEventIsTheEventThatWasStagedWithItsKey() {
        JournalEntryRecorded event = event("person-1");
        outbox.stage(topic, "person-1", event, "entry-1");
        written.add("entry-1");
        clock.advance(RELAY_AFTER.plusSeconds(1));

        outbox.relay();

        ConsumerRecord<String, String> record = awaitRecords(1).getFirst();
        assertThat(record.key()).isEqualTo("person-1");
        assertThat(record.value()).contains(event.entryId()).contains(event.eventId().toString());
    }

    @Test
    void settingsRefuseAnAbandonTimeThatComesBeforeTheRelayTakesOver() {
        assertThatThrownBy(() -> new OutboxSettings("x", Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Outbox outbox(KafkaTemplate<String, Object> template) {
        EventPublisher publisher = new EventPublisher(template, "outbox-test", Duration.ofSeconds(2));
        return new Outbox(mongo, publisher, json, clock, EventTracing.NONE,
                new OutboxSettings("staged_events", RELAY_AFTER, ABANDON_AFTER, Duration.ZERO),
                staged -> written.contains(staged.aggregateId()));
    }

    private List<StagedEvent> staged() {
        return mongo.find(new Query(), StagedEvent.class, "staged_events");
    }

    private JournalEntryRecorded event(String person) {
        return new JournalEntryRecorded(UUID.randomUUID(), clock.instant(), person, UUID.randomUUID().toString(),
                LocalDate.of(2026, 12, 6), 3, List.of("calm"));
    }

    /** The ids of the events on the topic, in order: once {@code expected} have arrived, and a last look finds no more. */
    private List<String> published(int expected) {
        return awaitRecords(expected).stream()
                .map(record -> json.readTree(record.value()).get("eventId").asString()).toList();
    }

    private List<ConsumerRecord<String, String>> awaitRecords(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.records().size() >= count);
        return probe.records();
    }

    private static KafkaTemplate<String, Object> template(String bootstrapServers) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "max.block.ms", 2000,
                "request.timeout.ms", 2000, "delivery.timeout.ms", 2500, "linger.ms", 0);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                EventSerialization.serializer()));
    }

    /** A clock the test moves on, so that events become old enough for the relay without waiting. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
