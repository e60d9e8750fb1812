package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Someone who forgot their password asks for a link by e-mail and chooses a new one with it: the answer never tells
 * whether an address has an account, the link works once and not for long, and using it signs every device out.
 */
class PasswordResetTest extends WithCapturedMail {

    static final String RESET_MAIL = "Choose a new password";
    static final String NEW_PASSWORD = "lanterns over a quiet harbour";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswer() {
        String known = anEmail();
        signUp(http, known);

        String toKnown = requestReset(known).expectStatus().isAccepted().expectBody(String.class).returnResult()
                .getResponseBody();
        String toUnknown = requestReset(anEmail()).expectStatus().isAccepted().expectBody(String.class).returnResult()
                .getResponseBody();

        assertThat(toKnown).isEqualTo(toUnknown).contains("If an account uses this address");
        assertThat(awaitMail(known, RESET_MAIL, 1).text()).contains("30 minutes");
    }

    @Test
    void theLinkSetsANewPasswordOnceEndsEverySessionAndSaysSoByMail() {
        String email = anEmail();
        signUp(http, email);
        String oldRefreshToken = signIn(http, email).get("refreshToken").asString();
        requestReset(email).expectStatus().isAccepted();
        String token = tokenIn(awaitMail(email, RESET_MAIL, 1), "reset-password");

        confirm(token, NEW_PASSWORD).expectStatus().isNoContent();

        signInWith(email, NEW_PASSWORD).expectStatus().isOk();
        signInWith(email, GOOD_PASSWORD).expectStatus().isUnauthorized();
        http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", oldRefreshToken)).exchange()
                .expectStatus().isUnauthorized();
        assertThat(awaitMail(email, "Your password was changed", 1).text()).contains("signed out");
        confirm(token, "yet another fine passphrase").expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("This link no longer works");
        signInWith(email, NEW_PASSWORD).expectStatus().isOk();
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothing() {
        String email = anEmail();
        String userId = signUpAndGetId(email);
        requestReset(email).expectStatus().isAccepted();
        String token = tokenIn(awaitMail(email, RESET_MAIL, 1), "reset-password");
        // As it would be 30 minutes later.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(userId)),
                Update.update("expiresAt", Instant.now().minusSeconds(1)), "password_resets").block();

        confirm(token, NEW_PASSWORD).expectStatus().isEqualTo(410)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        signInWith(email, GOOD_PASSWORD).expectStatus().isOk();
    }

    @Test
    void aNewRequestReplacesTheOldLink() {
        String email = anEmail();
        signUp(http, email);
        requestReset(email).expectStatus().isAccepted();
        String first = tokenIn(awaitMail(email, RESET_MAIL, 1), "reset-password");
        requestReset(email).expectStatus().isAccepted();
        String second = tokenIn(awaitMail(email, RESET_MAIL, 2), "reset-password");

        confirm(first, NEW_PASSWORD).expectStatus().isEqualTo(410);
        confirm(second, NEW_PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkKeepsWorking() {
        String email = anEmail();
        signUp(http, email);
        String refreshToken = signIn(http, email).get("refreshToken").asString();
        requestReset(email).expectStatus().isAccepted();
        String token = tokenIn(awaitMail(email, RESET_MAIL, 1), "reset-password");

        confirm(token, "password").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Please choose another password");

        signInWith(email, GOOD_PASSWORD).expectStatus().isOk();
        http.post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange()
                .expectStatus().isOk();
        confirm(token, NEW_PASSWORD).expectStatus().isNoContent();
    }

    @Test
    void twoConfirmationsAtOnceUseTheLinkOnlyOnce() {
        String email = anEmail();
        signUp(http, email);
        requestReset(email).expectStatus().isAccepted();
        String token = tokenIn(awaitMail(email, RESET_MAIL, 1), "reset-password");

        var one = CompletableFuture.supplyAsync(() -> statusOf(confirm(token, NEW_PASSWORD)));
        var other = CompletableFuture.supplyAsync(() -> statusOf(confirm(token, "a different calm passphrase")));

        assertThat(List.of(one.join(), other.join())).containsExactlyInAnyOrder(204, 410);
    }

    private WebTestClient.ResponseSpec requestReset(String email) {
        return http.post().uri("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange();
    }

    private WebTestClient.ResponseSpec confirm(String token, String newPassword) {
        return http.post().uri("/api/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", newPassword)).exchange();
    }

    private WebTestClient.ResponseSpec signInWith(String email, String password) {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private String signUpAndGetId(String email) {
        signUp(http, email);
        JsonNode signedIn = signIn(http, email);
        return signedIn.get("user").get("id").asString();
    }

    private static int statusOf(WebTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getStatus().value();
    }
}
