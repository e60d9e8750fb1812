package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Nobody grants themselves a role. The operator names the first admins by e-mail
 * ({@code mhc.gateway.identity.bootstrap-admins}); an admin then makes people editors, or takes it back.
 */
@GatewayIntegrationTest
class RolesTest {

    static final String ADMIN = "admin@mhc.test";

    @Autowired
    WebTestClient http;

    String adminToken;

    @BeforeEach
    void theBootstrapAdminHasAnAccount() {
        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IdentityFixtures.signUp(ADMIN, IdentityFixtures.GOOD_PASSWORD)).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(201, 409));
        adminToken = signIn(http, ADMIN).get("accessToken").asString();
    }

    @Test
    void aBootstrapAdminIsAlsoAnEditor() {
        assertThat(roles(adminToken)).containsExactlyInAnyOrder("ADMIN", "EDITOR", "USER");
    }

    @Test
    void anAdminMakesSomeoneAnEditorFromTheirNextToken() {
        String email = anEmail();
        signUp(http, email);
        JsonNode before = signIn(http, email);
        assertThat(roles(before.get("accessToken").asString())).containsExactly("USER");

        http.put().uri("/api/admin/users/{id}/roles", before.get("user").get("id").asString())
                .headers(headers -> headers.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("EDITOR"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("EDITOR", "USER"));

        assertThat(roles(signIn(http, email).get("accessToken").asString())).containsExactlyInAnyOrder("EDITOR", "USER");
    }

    @Test
    void onlyAnAdminGrantsRolesAndBadRequestsChangeNothing() {
        String email = anEmail();
        signUp(http, email);
        JsonNode person = signIn(http, email);
        String id = person.get("user").get("id").asString();

        http.put().uri("/api/admin/users/{id}/roles", id)
                .headers(headers -> headers.setBearerAuth(person.get("accessToken").asString()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("ADMIN"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/admin/users/{id}/roles", id).headers(headers -> headers.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("OWNER"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/admin/users/{id}/roles", "00000000-0000-0000-0000-000000000000")
                .headers(headers -> headers.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("EDITOR"))).exchange()
                .expectStatus().isNotFound();

        assertThat(roles(signIn(http, email).get("accessToken").asString())).containsExactly("USER");
    }

    private static List<String> roles(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get("roles").valueStream()
                .map(JsonNode::asString).toList();
    }
}
