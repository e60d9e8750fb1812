package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.awaitEvent;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.consumerFromNow;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A new account's address is confirmed by the link mailed at sign-up; until then the other services are told it
 * is not, and the person may ask for the link again a few times an hour.
 */
class EmailVerificationTest extends WithCapturedMail {

    static final String VERIFY_MAIL = "Please confirm your e-mail address";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theLinkMailedAtSignUpConfirmsTheAddressOnceAndTellsTheOtherServices() {
        String email = anEmail();
        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            signUp(http, email);
            var signedIn = signIn(http, email);
            String userId = signedIn.get("user").get("id").asString();
            String access = signedIn.get("accessToken").asString();
            assertThat(awaitEvent(users, userId, "user.registered").value()).contains("\"emailVerified\":false");
            me(access).jsonPath("$.emailVerified").isEqualTo(false);
            String token = tokenIn(awaitMail(email, VERIFY_MAIL, 1), "verify-email");

            verify(token).expectStatus().isNoContent();

            me(access).jsonPath("$.emailVerified").isEqualTo(true);
            assertThat(awaitEvent(users, userId, "user.email-verified").value()).contains(email);
            verify(token).expectStatus().isEqualTo(410)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aNewLinkReplacesTheOldOneAndOnlyAFewAreSentAnHour() {
        String email = anEmail();
        signUp(http, email);
        String access = signIn(http, email).get("accessToken").asString();
        String first = tokenIn(awaitMail(email, VERIFY_MAIL, 1), "verify-email");

        resend(access).expectStatus().isAccepted();
        resend(access).expectStatus().isAccepted();
        resend(access).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Please wait a little");

        String newest = tokenIn(awaitMail(email, VERIFY_MAIL, 3), "verify-email");
        verify(first).expectStatus().isEqualTo(410);
        verify(newest).expectStatus().isNoContent();
        resend(access).expectStatus().isEqualTo(409);
    }

    @Test
    void askingForTheLinkAgainNeedsASignedInPerson() {
        http.post().uri("/api/auth/verify-email/resend").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anAccountFromBeforeVerificationCountsAsVerified() {
        String email = anEmail();
        signUp(http, email);
        var signedIn = signIn(http, email);
        String access = signedIn.get("accessToken").asString();
        // As accounts were stored before this change: without the field at all.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(signedIn.get("user").get("id").asString())),
                new Update().unset("emailVerified"), "accounts").block();

        me(access).jsonPath("$.emailVerified").isEqualTo(true);
        resend(access).expectStatus().isEqualTo(409);
    }

    private WebTestClient.BodyContentSpec me(String access) {
        return http.get().uri("/api/me").headers(h -> h.setBearerAuth(access)).exchange()
                .expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec verify(String token) {
        return http.post().uri("/api/auth/verify-email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange();
    }

    private WebTestClient.ResponseSpec resend(String access) {
        return http.post().uri("/api/auth/verify-email/resend").headers(h -> h.setBearerAuth(access)).exchange();
    }
}
