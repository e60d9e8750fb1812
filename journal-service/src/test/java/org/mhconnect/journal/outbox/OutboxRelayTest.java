package org.mhconnect.journal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.EventTypes;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.testsupport.TopicProbe;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.StagedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal's outbox (the shared {@link Outbox}, specified in the outbox module) when a request could not release
 * its event: the process stopped, or the broker was away. What is journal's own: an event is relayed when its entry
 * exists, and it keeps the trace of the request that staged it.
 */
@JournalIntegrationTest
class OutboxRelayTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    EventPublisher publisher;

    @Autowired
    Outbox outbox;

    @Autowired
    EventTracing tracing;

    TopicProbe journalTopic;

    private static final String REQUEST_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String REQUEST_TRACEPARENT = "00-" + REQUEST_TRACE_ID + "-00f067aa0ba902b7-01";

    @BeforeEach
    void listenToTheJournalTopic() {
        mongo.remove(new Query(), MessagingConfiguration.COLLECTION);
        journalTopic = new TopicProbe(Topics.JOURNAL);
    }

    @AfterEach
    void stopListening() {
        journalTopic.close();
    }

    @Test
    void publishesAStaleStagedEventWhoseEntryWasWritten() {
        String entryId = UUID.randomUUID().toString();
        mongo.getCollection("entries").insertOne(new org.bson.Document("_id", entryId).append("userId", "user-1"));
        JournalEntryRecorded event = stage(entryId, Duration.ofMinutes(1));

        outbox.relay();

        await().atMost(Duration.ofSeconds(20)).until(() -> journalTopic.records().stream()
                .anyMatch(record -> record.value().contains(event.eventId().toString())));
        assertThat(mongo.count(new Query(), MessagingConfiguration.COLLECTION)).isZero();
    }

    @Test
    void aRelayedEventCarriesTheTraceOfTheRequestThatStagedItNotTheRelays() {
        String entryId = UUID.randomUUID().toString();
        mongo.getCollection("entries").insertOne(new org.bson.Document("_id", entryId).append("userId", "user-1"));
        JournalEntryRecorded event = stage(entryId, Duration.ofMinutes(1), REQUEST_TRACEPARENT);

        outbox.relay();

        await().atMost(Duration.ofSeconds(20)).until(() -> journalTopic.records().stream()
                .anyMatch(record -> record.value().contains(event.eventId().toString())));
        var record = journalTopic.records().stream()
                .filter(candidate -> candidate.value().contains(event.eventId().toString())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(record, EventTracing.HEADER)).startsWith("00-" + REQUEST_TRACE_ID + "-");
    }

    @Test
    void stagingInsideARequestKeepsThatRequestsTraceWithTheStagedEvent() {
        JournalEntryRecorded event = new JournalEntryRecorded(UUID.randomUUID(), clock.instant(), "user-1",
                UUID.randomUUID().toString(), LocalDate.now(), 3, List.of());

        tracing.run(REQUEST_TRACEPARENT, "request", () -> outbox.stage(Topics.JOURNAL, event.userId(), event, event.entryId()));

        StagedEvent staged = mongo.findById(event.eventId().toString(), StagedEvent.class, MessagingConfiguration.COLLECTION);
        assertThat(staged.traceparent()).startsWith("00-" + REQUEST_TRACE_ID + "-");
    }

    @Test
    void dropsAnAbandonedStagedEventWhoseEntryWasNeverWritten() {
        JournalEntryRecorded dropped = stage(UUID.randomUUID().toString(), Duration.ofMinutes(10));

        outbox.relay();

        assertThat(mongo.count(new Query(), MessagingConfiguration.COLLECTION)).isZero();
        JournalEntryRecorded marker = publishMarker();
        await().atMost(Duration.ofSeconds(20)).until(() -> journalTopic.records().stream()
                .anyMatch(record -> record.value().contains(marker.eventId().toString())));
        assertThat(journalTopic.records()).noneMatch(record -> record.value().contains(dropped.eventId().toString()));
    }

    @Test
    void waitsForAnEntryThatMayStillBeWritten() {
        stage(UUID.randomUUID().toString(), Duration.ofMinutes(1));

        outbox.relay();

        assertThat(mongo.count(new Query(), MessagingConfiguration.COLLECTION)).isOne();
    }

    @Test
    void leavesAFreshStagedEventToTheRequestThatStagedIt() {
        String entryId = UUID.randomUUID().toString();
        JournalEntryRecorded event = new JournalEntryRecorded(UUID.randomUUID(), clock.instant(), "user-1", entryId,
                LocalDate.now(), 3, List.of());
        mongo.insert(new StagedEvent(event.eventId().toString(), Topics.JOURNAL, event.userId(), EventTypes.typeOf(event),
                entryId, json.writeValueAsString(event), clock.instant(), null), MessagingConfiguration.COLLECTION);

        outbox.relay();

        assertThat(mongo.count(new Query(), MessagingConfiguration.COLLECTION)).isOne();
    }

    /** Publishes an unrelated event straight away, so a test knows the topic has been read up to here. */
    private JournalEntryRecorded publishMarker() {
        JournalEntryRecorded marker = new JournalEntryRecorded(UUID.randomUUID(), clock.instant(), "marker",
                UUID.randomUUID().toString(), LocalDate.now(), 3, List.of());
        publisher.publish(Topics.JOURNAL, marker);
        return marker;
    }

    /** Staged before tracing existed: no trace context, and it must still be published. */
    private JournalEntryRecorded stage(String entryId, Duration age) {
        return stage(entryId, age, null);
    }

    private JournalEntryRecorded stage(String entryId, Duration age, String traceparent) {
        Instant longAgo = clock.instant().minus(age);
        JournalEntryRecorded event = new JournalEntryRecorded(UUID.randomUUID(), longAgo, "user-1", entryId,
                LocalDate.now(), 3, List.of("calm"));
        mongo.insert(new StagedEvent(event.eventId().toString(), Topics.JOURNAL, event.userId(), EventTypes.typeOf(event),
                entryId, json.writeValueAsString(event), longAgo, traceparent), MessagingConfiguration.COLLECTION);
        return event;
    }
}
