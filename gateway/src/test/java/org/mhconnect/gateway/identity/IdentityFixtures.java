package org.mhconnect.gateway.identity;

import java.util.Map;
import java.util.UUID;

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

    private IdentityFixtures() {
    }
}
