package org.mhconnect.journal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mhconnect.events.Topics;
import org.mhconnect.testsupport.TestInfrastructure;

/**
 * Reads the journal topic as raw text, the way any consumer would see it, so tests can check headers and
 * that no journal text ever leaves the service.
 */
public final class JournalTopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public JournalTopicProbe() {
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "journal-probe-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.JOURNAL));
    }

    /** Polls once and returns every record seen so far. */
    public List<ConsumerRecord<String, String>> records() {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
