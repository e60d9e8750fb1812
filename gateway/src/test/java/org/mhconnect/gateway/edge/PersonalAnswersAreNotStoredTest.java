package org.mhconnect.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Sign-in, tokens and the account are answered with {@code Cache-Control: no-store}, so no cache keeps them. */
@GatewayIntegrationTest
class PersonalAnswersAreNotStoredTest {

    private static final String PASSWORD = "a calm river at dusk";

    @Autowired
    WebTestClient http;

    @Test
    void signInRefreshAndTheAccountAreNeverStored() {
        String email = "person-" + UUID.randomUUID() + "@example.org";
        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD, "displayName", "Ada", "timeZone",
                        "Europe/Berlin", "locale", "en"))
                .exchange().expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));

        var login = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + login.get("accessToken").asString())
                .exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));

        http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", login.get("refreshToken").asString())).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
    }
}
