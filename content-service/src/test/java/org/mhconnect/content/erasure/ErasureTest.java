package org.mhconnect.content.erasure;

import static org.assertj.core.api.Assertions.assertThat;
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

/** When an account is deleted, its reactions (and their counts) and saved items go, and content-service says so. */
@ContentIntegrationTest
class ErasureTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.client.RestTestClient http;

    @Test
    void erasesReactionsAndSavedItemsThenConfirms() throws Exception {
        String leaving = UUID.randomUUID().toString();
        String staying = UUID.randomUUID().toString();
        for (String person : List.of(leaving, staying)) {
            http.put().uri("/api/content/items/a-breathing-space/reaction").headers(bearer(person))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(Map.of("reaction", "inspiring")).exchange().expectStatus().isOk();
            http.put().uri("/api/content/saved/a-breathing-space").headers(bearer(person)).exchange()
                    .expectStatus().isNoContent();
        }
        int before = inspiring();
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
        assertThat(inspiring()).isEqualTo(before - 1);
        http.get().uri("/api/content/items/a-breathing-space/reactions").headers(bearer(leaving)).exchange()
                .expectBody().jsonPath("$.mine").doesNotExist();
        http.get().uri("/api/content/saved").headers(bearer(leaving)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/content/saved").headers(bearer(staying)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    private int inspiring() {
        return http.get().uri("/api/content/items/a-breathing-space/reactions").exchange()
                .expectStatus().isOk()
                .expectBody(org.mhconnect.content.reaction.ReactionViewProbe.class).returnResult().getResponseBody()
                .counts().get("inspiring");
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> bearer(String userId) {
        return headers -> headers.setBearerAuth(org.mhconnect.testsupport.TestTokens.get().accessToken(userId));
    }
}
