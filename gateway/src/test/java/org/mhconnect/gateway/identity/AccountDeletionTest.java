package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.gateway.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.awaitEvent;
import static org.mhconnect.gateway.identity.IdentityFixtures.consumerFromNow;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Deleting an account, as the gateway sees it: the request goes out, the services' answers come back. */
@GatewayIntegrationTest
class AccountDeletionTest {

    @Autowired
    WebTestClient http;

    @Test
    void askingToDeleteAnnouncesItEndsSignInAndWaitsForEveryService() {
        String email = anEmail();
        signUp(http, email);
        JsonNode signedIn = signIn(http, email);
        String userId = signedIn.get("user").get("id").asString();
        String token = signedIn.get("accessToken").asString();

        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            http.delete().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/me/deletion")
                    .expectBody().jsonPath("$.complete").isEqualTo(false)
                    .jsonPath("$.pending.length()").isEqualTo(3);

            assertThat(awaitEvent(users, userId, "user.deletion-requested").value())
                    .contains("\"userId\":\"" + userId + "\"");
        }
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", GOOD_PASSWORD)).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", signedIn.get("refreshToken").asString())).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theDeletionIsCompleteOnlyWhenEveryServiceHasConfirmed() throws Exception {
        String email = anEmail();
        signUp(http, email);
        JsonNode signedIn = signIn(http, email);
        String userId = signedIn.get("user").get("id").asString();
        String token = signedIn.get("accessToken").asString();
        http.delete().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isAccepted();

        confirm(userId, "journal-service");
        confirm(userId, "journal-service");
        confirm(userId, "content-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/api/me/deletion")
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.confirmed.length()").isEqualTo(2)
                .jsonPath("$.pending[0]").isEqualTo("reminder-service")
                .jsonPath("$.complete").isEqualTo(false));

        confirm(userId, "reminder-service");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/api/me/deletion")
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.complete").isEqualTo(true));
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void askingTwiceIsTheSameRequest() {
        String email = anEmail();
        signUp(http, email);
        String token = signIn(http, email).get("accessToken").asString();

        JsonNode first = http.delete().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = http.delete().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(second.get("requestedAt")).isEqualTo(first.get("requestedAt"));
    }

    private static void confirm(String userId, String service) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), EventSerialization.serializer())) {
            producer.send(new ProducerRecord<>(Topics.ERASURES, userId,
                    new UserDataErased(UUID.randomUUID(), Instant.now(), userId, service))).get();
        }
    }
}
