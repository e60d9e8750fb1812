package org.mhconnect.reminder.journaling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.testsupport.TestInfrastructure;

/** Journal events as journal-service would publish them, sent straight to the journal topic. */
final class JournalEventFixtures implements AutoCloseable {

    static final LocalDate LATE_MARCH = LocalDate.parse("2026-03-29");

    private final KafkaProducer<String, Object> events = new KafkaProducer<>(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), EventSerialization.serializer());
    private final KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(), new ByteArraySerializer());

    static JournalEntryRecorded entryRecorded(String userId, LocalDate day) {
        return new JournalEntryRecorded(UUID.randomUUID(), Instant.now(), userId, UUID.randomUUID().toString(), day,
                4, List.of("calm"));
    }

    void publish(JournalEntryRecorded event) throws Exception {
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.JOURNAL, event.userId(), event);
        CloudEventHeaders.of(event, "journal-service").forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
        events.send(record).get();
    }

    /** A record no consumer can read: the type header promises an event, the bytes are not JSON. */
    void publishUnreadable(String userId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.JOURNAL, userId, "not json {".getBytes());
        record.headers().add(new RecordHeader("__TypeId__", "journal.entry-recorded".getBytes()));
        raw.send(record).get();
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }
}
