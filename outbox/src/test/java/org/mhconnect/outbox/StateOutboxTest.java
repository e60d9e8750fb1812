package org.mhconnect.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.OutboxTest.MovableClock;
import org.mhconnect.testsupport.TestInfrastructure;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox for a record's latest state (reminder-service's schedules), against a real Kafka broker and the MongoDB
 * wire protocol. The records here are small documents in a collection of their own; the publisher sends each one's
 * current text to the topic, or a tombstone when it is gone, as reminder-service sends a schedule. Whatever happens to
 * the broker or the process between a change and its send, the topic ends with each record's latest state.
 */
class StateOutboxTest {

    static final Duration RELAY_AFTER = Duration.ofSeconds(5);
    static final String MARKS = "state_marks";
    static final String RECORDS = "records";

    static MongoClient client;
    static KafkaTemplate<String, String> kafka;

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    /** While false, the broker "does not answer": every send fails, as a send to a broker that is away does. */
    final AtomicBoolean brokerAnswers = new AtomicBoolean(true);
    /** When set, a send waits on it first, as a send waits for a slow broker. */
    volatile Runnable heldSend;

    String topic;
    MongoTemplate mongo;
    StateOutbox outbox;
    TopicProbe probe;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "linger.ms", 0),
                new StringSerializer(), new StringSerializer()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void newTopicAndCollections() throws Exception {
        topic = "state-outbox-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        mongo = new MongoTemplate(client, "outbox_test");
        mongo.dropCollection(MARKS);
        mongo.dropCollection(RECORDS);
        outbox = new StateOutbox(mongo, clock, EventTracing.NONE, new StateOutbox.Settings(MARKS, RELAY_AFTER, Duration.ZERO),
                this::publish);
        outbox.start();
        probe = new TopicProbe(topic);
    }

    @AfterEach
    void close() {
        outbox.stop();
        probe.close();
    }

    @Test
    void aChangeIsSentWithTheRecordsNewStateAndLeavesNoMark() {
        String text = outbox.around("r-1", "person-1", () -> write("r-1", "first words"));

        assertThat(text).isEqualTo("first words");
        assertThat(latestOnTopic(1)).containsEntry("person-1/r-1", "first words");
        assertThat(marks()).isEmpty();
    }

    @Test
    void aRemovedRecordIsSentAsATombstone() {
        outbox.around("r-1", "person-1", () -> write("r-1", "soon gone"));

        outbox.around("r-1", "person-1", () -> mongo.remove(Query.query(Criteria.where("_id").is("r-1")), RECORDS));

        assertThat(awaitRecords(2).getLast().value()).isNull();
        assertThat(marks()).isEmpty();
    }

    @Test
    void whenTheBrokerIsAwayTheChangeStillSucceedsAndTheRelaySendsItsStateLater() {
        brokerAnswers.set(false);

        outbox.around("r-1", "person-1", () -> write("r-1", "written while Kafka was away"));

        assertThat(marks()).extracting(StateOutbox.Mark::id).containsExactly("r-1");
        brokerAnswers.set(true);
        clock.advance(RELAY_AFTER.plusSeconds(1));
        assertThat(outbox.relay()).isEqualTo(new StateOutbox.Pass(1, 0));
        assertThat(latestOnTopic(1)).containsEntry("person-1/r-1", "written while Kafka was away");
        assertThat(marks()).isEmpty();
    }

    @Test
    void aProcessThatStoppedBetweenTheChangeAndTheSendLeavesAMarkTheRelayFollows() {
        // As if the process died right after writing: marked, written, never sent.
        assertThatThrownBy(() -> outbox.around("r-1", "person-1", () -> {
            write("r-1", "written, then the process stopped");
            throw new IllegalStateException("the process stopped");
        })).hasMessage("the process stopped");

        clock.advance(RELAY_AFTER.plusSeconds(1));
        outbox.relay();

        assertThat(latestOnTopic(1)).containsEntry("person-1/r-1", "written, then the process stopped");
        assertThat(marks()).isEmpty();
    }

    @Test
    void theRelayLeavesAFreshMarkToTheChangeThatMadeIt() {
        brokerAnswers.set(false);
        outbox.around("r-1", "person-1", () -> write("r-1", "just now"));
        brokerAnswers.set(true);

        assertThat(outbox.relay()).isEqualTo(new StateOutbox.Pass(0, 0));
        assertThat(marks()).hasSize(1);
    }

    @Test
    void aLaterChangeKeepsItsMarkWhenAnEarlierSendFinishesAfterIt() throws Exception {
        // The first change's send hangs on the broker; meanwhile a second change marks the record again and cannot be sent.
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        heldSend = () -> {
            sending.countDown();
            awaitQuietly(answer);
        };
        Thread first = Thread.ofVirtual().start(() -> outbox.around("r-1", "person-1", () -> write("r-1", "first")));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        heldSend = null;
        brokerAnswers.set(false);
        clock.advance(Duration.ofSeconds(1));
        outbox.around("r-1", "person-1", () -> write("r-1", "second"));
        Instant secondMark = marks().getFirst().stagedAt();

        // The first send now goes through: it must not take the second change's mark with it.
        brokerAnswers.set(true);
        answer.countDown();
        first.join(Duration.ofSeconds(10));

        assertThat(marks()).extracting(StateOutbox.Mark::stagedAt).containsExactly(secondMark);
        clock.advance(RELAY_AFTER.plusSeconds(1));
        outbox.relay();
        assertThat(latestOnTopic(2)).containsEntry("person-1/r-1", "second");
        assertThat(marks()).isEmpty();
    }

    @Test
    void theRelayStopsAtTheFirstRefusalAndLeavesTheRestForItsNextPass() {
        brokerAnswers.set(false);
        outbox.around("r-1", "person-1", () -> write("r-1", "one"));
        clock.advance(Duration.ofSeconds(1));
        outbox.around("r-2", "person-2", () -> write("r-2", "two"));
        clock.advance(RELAY_AFTER.plusSeconds(1));

        assertThat(outbox.relay()).isEqualTo(new StateOutbox.Pass(0, 2));
        assertThat(marks()).hasSize(2);

        brokerAnswers.set(true);
        assertThat(outbox.relay()).isEqualTo(new StateOutbox.Pass(2, 0));
        assertThat(latestOnTopic(2)).containsEntry("person-1/r-1", "one").containsEntry("person-2/r-2", "two");
    }

    @Test
    void aChangeAlreadyWrittenIsSentAgainOnRequest() {
        write("r-1", "written before");

        assertThat(outbox.changed("r-1", "person-1")).isTrue();

        assertThat(latestOnTopic(1)).containsEntry("person-1/r-1", "written before");
        assertThat(marks()).isEmpty();
    }

    @Test
    void settingsRefuseNegativeDurations() {
        assertThatThrownBy(() -> new StateOutbox.Settings(MARKS, Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The service's side: the record's current text, or a tombstone, sent and acknowledged. */
    private void publish(String id, String key) {
        Runnable hold = heldSend;
        if (hold != null) {
            hold.run();
        }
        if (!brokerAnswers.get()) {
            throw new IllegalStateException("the broker did not answer");
        }
        Document record = mongo.findById(id, Document.class, RECORDS);
        try {
            kafka.send(topic, key + "/" + id, record == null ? null : record.getString("text")).get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private String write(String id, String text) {
        mongo.save(new Document("_id", id).append("text", text), RECORDS);
        return text;
    }

    private List<StateOutbox.Mark> marks() {
        return mongo.find(new Query(), StateOutbox.Mark.class, MARKS);
    }

    private List<ConsumerRecord<String, String>> awaitRecords(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.records().size() >= count);
        return probe.records();
    }

    /** Each key's last value on the topic, once at least {@code count} records have arrived. */
    private Map<String, String> latestOnTopic(int count) {
        Map<String, String> latest = new java.util.HashMap<>();
        awaitRecords(count).forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }
}
