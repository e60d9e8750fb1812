package org.mhconnect.content.erasure;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.testsupport.TestInfrastructure;

/** content-service holds no personal data yet, and says so at once when an account is deleted. */
@ContentIntegrationTest
class ErasureTest {

    @Test
    void confirmsTheErasureOfADeletedAccount() throws Exception {
        String leaving = UUID.randomUUID().toString();
        try (KafkaConsumer<String, String> erasures = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "erasure-probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer());
                KafkaProducer<String, Object> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                        new StringSerializer(), EventSerialization.serializer())) {
            erasures.subscribe(List.of(Topics.ERASURES));
            producer.send(new ProducerRecord<>(Topics.USERS, leaving,
                    new UserDeletionRequested(UUID.randomUUID(), Instant.now(), leaving))).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : erasures.poll(Duration.ofMillis(500))) {
                    if (leaving.equals(record.key()) && record.value().contains("\"service\":\"content-service\"")) {
                        return true;
                    }
                }
                return false;
            });
        }
    }
}
