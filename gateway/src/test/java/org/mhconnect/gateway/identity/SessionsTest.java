package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.gateway.identity.token.SigningKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@GatewayIntegrationTest
class SessionsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKeys keys;

    @Test
    void aRefreshTokenRotatesOnEveryUse() {
        String email = anEmail();
        signUp(http, email);
        String first = signIn(http, email).get("refreshToken").asString();

        String second = refresh(first).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("refreshToken").asString();

        assertThat(second).isNotEqualTo(first);
        refresh(second).expectStatus().isOk();
    }

    @Test
    void replayingAUsedRefreshTokenEndsTheWholeSession() {
        String email = anEmail();
        signUp(http, email);
        String stolen = signIn(http, email).get("refreshToken").asString();
        String legitimate = refresh(stolen).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("refreshToken").asString();

        refresh(stolen).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        refresh(legitimate).expectStatus().isUnauthorized();
    }

    @Test
    void signingOutEndsTheSession() {
        String email = anEmail();
        signUp(http, email);
        String refreshToken = signIn(http, email).get("refreshToken").asString();

        http.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange()
                .expectStatus().isNoContent();

        refresh(refreshToken).expectStatus().isUnauthorized();
    }

    @Test
    void peopleSeeAndEndTheirOwnSessionsButNotOthers() {
        String ada = anEmail();
        String bea = anEmail();
        signUp(http, ada);
        signUp(http, bea);
        JsonNode adaSignIn = signIn(http, ada);
        String adaToken = adaSignIn.get("accessToken").asString();
        String beaToken = signIn(http, bea).get("accessToken").asString();
        String adaSession = http.get().uri("/api/me/sessions").headers(h -> h.setBearerAuth(adaToken)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get(0).get("id").asString();

        http.delete().uri("/api/me/sessions/{id}", adaSession).headers(h -> h.setBearerAuth(beaToken)).exchange()
                .expectStatus().isNotFound();
        refresh(adaSignIn.get("refreshToken").asString()).expectStatus().isOk();

        http.delete().uri("/api/me/sessions/{id}", adaSession).headers(h -> h.setBearerAuth(adaToken)).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void rotatingTheSigningKeySignsNobodyOut() {
        String email = anEmail();
        signUp(http, email);
        JsonNode before = signIn(http, email);
        String oldKid = http.get().uri("/.well-known/jwks.json").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("keys").get(0).get("kid").asString();

        String newKid = keys.rotate().block();

        http.get().uri("/api/me").headers(h -> h.setBearerAuth(before.get("accessToken").asString())).exchange()
                .expectStatus().isOk();
        JsonNode jwks = http.get().uri("/.well-known/jwks.json").exchange().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(jwks.get("keys").valueStream().map(key -> key.get("kid").asString())).contains(oldKid, newKid);
        assertThat(jwks.toString()).doesNotContain("\"d\"");
    }

    @Test
    void aCookieAuthenticatedChangeNeedsTheCsrfToken() {
        var login = aNewPersonSignedInWithCookies();
        String access = login.getResponseCookies().getFirst("mhc_access").getValue();
        String csrf = login.getResponseCookies().getFirst("mhc_csrf").getValue();

        http.patch().uri("/api/me").cookie("mhc_access", access).cookie("mhc_csrf", csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Forged")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        http.patch().uri("/api/me").cookie("mhc_access", access).cookie("mhc_csrf", csrf).header("X-CSRF-Token", csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Ada")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theCsrfValueIsGoodForItsOwnSessionOnly() {
        var mine = aNewPersonSignedInWithCookies();
        var someoneElses = aNewPersonSignedInWithCookies();
        String access = mine.getResponseCookies().getFirst("mhc_access").getValue();
        String otherValue = someoneElses.getResponseCookies().getFirst("mhc_csrf").getValue();

        // Another session's value, even repeated in a planted mhc_csrf cookie, is not this session's.
        http.patch().uri("/api/me").cookie("mhc_access", access).cookie("mhc_csrf", otherValue)
                .header("X-CSRF-Token", otherValue)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Forged")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // So is a value an attacker made up and planted as both cookie and header (plain double submit).
        http.patch().uri("/api/me").cookie("mhc_access", access).cookie("mhc_csrf", "planted")
                .header("X-CSRF-Token", "planted")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Forged")).exchange()
                .expectStatus().isForbidden();

        http.get().uri("/api/me").cookie("mhc_access", access).exchange()
                .expectBody().jsonPath("$.displayName").isEqualTo("Ada");
    }

    @Test
    void theCsrfValueSurvivesARefreshOfTheSameSession() {
        var login = aNewPersonSignedInWithCookies();
        String csrf = login.getResponseCookies().getFirst("mhc_csrf").getValue();
        var refreshed = http.post().uri("/api/auth/refresh")
                .cookie("mhc_refresh", login.getResponseCookies().getFirst("mhc_refresh").getValue())
                .cookie("mhc_csrf", csrf).header("X-CSRF-Token", csrf).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();

        assertThat(refreshed.getResponseCookies().getFirst("mhc_csrf").getValue()).isEqualTo(csrf);
        http.patch().uri("/api/me").cookie("mhc_access", refreshed.getResponseCookies().getFirst("mhc_access").getValue())
                .header("X-CSRF-Token", csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Ada")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenNeverFallsBackToTheCookie() {
        var login = aNewPersonSignedInWithCookies();
        String access = login.getResponseCookies().getFirst("mhc_access").getValue();

        // A cross-site form cannot set a Bearer header, but some clients add Basic; the cookie must not then count.
        http.patch().uri("/api/me").cookie("mhc_access", access).header("Authorization", "Basic Zm9vOmJhcg==")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("displayName", "Forged")).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/me").cookie("mhc_access", access).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Ada");
    }

    /** Signs a new person up and in, as a browser would: the answer's cookies are what the tests send back. */
    private EntityExchangeResult<JsonNode> aNewPersonSignedInWithCookies() {
        String email = anEmail();
        signUp(http, email);
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", IdentityFixtures.GOOD_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }
}
