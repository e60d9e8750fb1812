package org.mhconnect.gateway.identity;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Named test data and the few steps most identity tests start with. */
final class IdentityFixtures {

    static final String GOOD_PASSWORD = "a calm river at dusk";
    static final String BERLIN = "Europe/Berlin";

    static String anEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }

    static Map<String, String> signUp(String email, String password) {
        return Map.of("email", email, "password", password, "displayName", "Ada", "timeZone", BERLIN, "locale", "en");
    }

    static void signUp(WebTestClient http, String email) {
        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(signUp(email, GOOD_PASSWORD))
                .exchange().expectStatus().isCreated();
    }

    static JsonNode signIn(WebTestClient http, String email) {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", GOOD_PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** A consumer of the topic that has joined its group, so it sees what is published from now on, as JSON text. */
    static KafkaConsumer<String, String> consumerFromNow(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "probe-" + UUID.randomUUID(), "auto.offset.reset", "latest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        // Join the group before the event is published, so "latest" starts before it.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    /** Waits for an event of this type about this person, and returns the first one seen. */
    static ConsumerRecord<String, String> awaitEvent(KafkaConsumer<String, String> users, String userId, String type) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            seen.addAll(eventsFor(users, userId));
            return seen.stream().anyMatch(record -> type.equals(typeOf(record)));
        });
        return seen.stream().filter(record -> type.equals(typeOf(record))).findFirst().orElseThrow();
    }

    /** What one poll brings about this person. */
    static List<ConsumerRecord<String, String>> eventsFor(KafkaConsumer<String, String> users, String userId) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        users.poll(Duration.ofMillis(500)).forEach(record -> {
            if (userId.equals(record.key())) {
                records.add(record);
            }
        });
        return records;
    }

    static String typeOf(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value());
    }

    private IdentityFixtures() {
    }
}
