package org.mhconnect.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.testsupport.TestInfrastructure;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A reminder.due nobody can read is parked on the dead-letter topic, and the occurrences after it still arrive. */
@ReminderIntegrationTest
class PoisonDueEventTest {

    @Autowired
    RestTestClient http;

    @Autowired
    Reminders reminders;

    @Autowired
    MeterRegistry meters;

    @Test
    void anUnreadableDueEventIsParkedAndDoesNotBlockItsPartition() throws Exception {
        String person = UUID.randomUUID().toString();
        String id = http.post().uri("/api/reminders").headers(h -> h.setBearerAuth(TestTokens.get().accessToken(person)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "custom", "title", "After the poison", "channels", List.of("inbox"),
                        "schedule", Map.of("times", List.of("04:00"), "timeZone", "UTC")))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("id").toString();

        double parkedBefore = parked();

        // Keyed by the person, so it lands in the very partition their real occurrence will use.
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.REMINDERS_DUE, person, "{not json".getBytes());
            poison.headers().add(new RecordHeader("__TypeId__", "reminder.due".getBytes()));
            raw.send(poison).get();
        }
        reminders.snooze(person, id, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));

        await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/notifications/inbox")
                .headers(h -> h.setBearerAuth(TestTokens.get().accessToken(person))).exchange()
                .returnResult(String.class).getResponseBody().contains("After the poison"));
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "dlt-probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(Topics.deadLetter(Topics.REMINDERS_DUE, "reminder-service")));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : deadLetters.poll(Duration.ofMillis(500))) {
                    if (person.equals(record.key()) && new String(record.value()).equals("{not json")) {
                        return true;
                    }
                }
                return false;
            });
        }
        assertThat(http.get().uri("/api/reminders/{id}/deliveries", id)
                .headers(h -> h.setBearerAuth(TestTokens.get().accessToken(person))).exchange()
                .returnResult(String.class).getResponseBody()).contains("\"status\":\"sent\"");
        assertThat(parked()).isGreaterThan(parkedBefore);
    }

    private double parked() {
        return meters.get("mhc.kafka.dead.letters").tag("topic", Topics.REMINDERS_DUE).counter().count();
    }
}
