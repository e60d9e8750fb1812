package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@GatewayIntegrationTest
class SignUpAndSignInTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void signingInGivesAShortLivedSignedAccessTokenAndHttpOnlyCookies() throws Exception {
        String email = anEmail();
        signUp(http, email);

        var result = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", GOOD_PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();

        JsonNode body = result.getResponseBody();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isBetween(1L, 900L);
        assertThat(body.get("user").get("email").asString()).isEqualTo(email);
        SignedJWT token = SignedJWT.parse(body.get("accessToken").asString());
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(token.getHeader().getKeyID()).isNotBlank();
        assertThat(token.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(token.getJWTClaimsSet().getClaim("roles")).isEqualTo(List.of("USER"));
        assertThat(result.getResponseHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("mhc_access=").containsIgnoringCase("HttpOnly").contains("Secure").contains("SameSite=Strict"));
        assertThat(result.getResponseHeaders().get("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("mhc_refresh=").contains("Path=/api/auth").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void storesTheNewAccountWithAnArgon2idHashNeverThePassword() {
        String email = anEmail();
        signUp(http, email);

        var stored = mongo.findOne(Query.query(Criteria.where("email").is(email)), org.bson.Document.class, "accounts").block();
        assertThat(stored.getString("passwordHash")).startsWith("$argon2id$").doesNotContain(GOOD_PASSWORD);
    }

    @Test
    void anEmailIsTakenWhateverItsCase() {
        String email = anEmail();
        signUp(http, email);

        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IdentityFixtures.signUp(email.toUpperCase(), GOOD_PASSWORD)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesShortAndCommonPasswords() {
        for (String weak : List.of("short", "password1234", "123456789012", "aaaaaaaaaaaaaaa")) {
            http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(IdentityFixtures.signUp(anEmail(), weak)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Please choose another password");
        }
    }

    @Test
    void aRoleCannotBeSmuggledIntoSignUp() {
        Map<String, Object> withRole = new HashMap<>(IdentityFixtures.signUp(anEmail(), GOOD_PASSWORD));
        withRole.put("roles", List.of("ADMIN"));

        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(withRole).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void anUnknownEmailAndAWrongPasswordLookExactlyAlike() {
        String email = anEmail();
        signUp(http, email);

        byte[] unknown = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", anEmail(), "password", GOOD_PASSWORD)).exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult().getResponseBody();
        byte[] wrong = http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "not the password at all")).exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult().getResponseBody();

        assertThat(new String(unknown).replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(new String(wrong).replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    @Test
    void anUnknownEmailTakesAboutAsLongAsAWrongPassword() {
        String email = anEmail();
        signUp(http, email);
        long unknown = medianMillis(() -> signInAs(anEmail(), GOOD_PASSWORD));
        long wrong = medianMillis(() -> signInAs(email, "not the password at all"));

        // Both spend one Argon2id check; without the decoy check an unknown address would answer at once.
        assertThat((double) unknown).isBetween(wrong / 3.0, wrong * 3.0);
    }

    private void signInAs(String email, String password) {
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isUnauthorized();
    }

    private static long medianMillis(Runnable attempt) {
        attempt.run();
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            attempt.run();
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2];
    }

    @Test
    void theSignedInPersonReadsAndChangesTheirProfile() {
        String email = anEmail();
        signUp(http, email);
        String token = signIn(http, email).get("accessToken").asString();

        http.patch().uri("/api/me").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "Ada L.", "timeZone", "Asia/Kathmandu")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Ada L.").jsonPath("$.timeZone").isEqualTo("Asia/Kathmandu");
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(email).jsonPath("$.passwordHash").doesNotExist();
        // A legacy zone name is kept under its current name; an offset is refused.
        http.patch().uri("/api/me").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("timeZone", "Europe/Kiev")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.timeZone").isEqualTo("Europe/Kyiv");
        http.patch().uri("/api/me").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("timeZone", "+02:00")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void withoutATokenTheProfileIsUnauthorized() {
        http.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
