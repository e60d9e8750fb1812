package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.gateway.TestClock;
import org.mhconnect.gateway.identity.token.SigningKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A rotation never signs anyone out, however old the previous key is: with access tokens living 10 minutes, the
 * previous key stays published until 2 × 10 minutes + 2 minutes after its successor was made.
 */
@GatewayIntegrationTest
class SigningKeyRotationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKeys keys;

    @Autowired
    TestClock clock;

    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void putTheClockBack() {
        clock.resume();
        // Keys made in this test's future would sign for every later test; the ones made before stay.
        mongo.remove(Query.query(Criteria.where("createdAt").gt(Instant.now())), "signing_keys").block();
        keys.load().block();
    }

    @Test
    void rotatingAKeyThatIsDaysOldSignsNobodyOut() {
        clock.stopAt(Instant.now().plus(Duration.ofDays(3)));
        keys.load().block();
        String email = anEmail();
        signUp(http, email);
        JsonNode before = signIn(http, email);
        String oldToken = before.get("accessToken").asString();
        String oldKid = kidOf(oldToken);
        assertThat(createdAt(oldKid)).isBefore(clock.instant().minus(Duration.ofDays(3)));

        String newKid = keys.rotate().block();
        clock.advance(Duration.ofMinutes(9).plusSeconds(50));
        keys.load().block();

        me(oldToken).expectStatus().isOk();
        assertThat(publishedKids()).contains(oldKid, newKid);
        JsonNode refreshed = refresh(before.get("refreshToken").asString()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String newToken = refreshed.get("accessToken").asString();
        assertThat(kidOf(newToken)).isEqualTo(newKid);
        me(newToken).expectStatus().isOk();

        clock.advance(Duration.ofSeconds(20));
        me(oldToken).expectStatus().isUnauthorized();

        clock.advance(Duration.ofMinutes(11).plusSeconds(40));
        keys.load().block();
        assertThat(publishedKids()).as("22 minutes less 10 s after the rotation").contains(oldKid, newKid);

        clock.advance(Duration.ofSeconds(20));
        keys.load().block();
        assertThat(publishedKids()).as("22 minutes and 10 s after the rotation").contains(newKid).doesNotContain(oldKid);
        me(newToken).expectStatus().isUnauthorized();
        refresh(refreshed.get("refreshToken").asString()).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return http.get().uri("/api/me").headers(headers -> headers.setBearerAuth(accessToken)).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    private List<String> publishedKids() {
        return http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("keys").valueStream().map(key -> key.get("kid").asString()).toList();
    }

    private Instant createdAt(String kid) {
        return mongo.findById(kid, Document.class, "signing_keys").blockOptional().orElseThrow().getDate("createdAt")
                .toInstant();
    }

    private static String kidOf(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getHeader().getKeyID();
        }
        catch (ParseException ex) {
            throw new AssertionError("Not a JWT", ex);
        }
    }
}
