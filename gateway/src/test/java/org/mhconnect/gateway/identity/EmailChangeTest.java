package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mhconnect.devstack.CapturedMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A new e-mail address counts only once the link sent to it is followed; real SMTP, captured by GreenMail. */
class EmailChangeTest extends WithCapturedMail {

    static final Pattern LINK = Pattern.compile("http://\\S+/api/auth/email-confirmation\\?token=(\\S+)");

    @Autowired
    WebTestClient http;

    @Test
    void theNewAddressCountsOnlyAfterItsLinkIsFollowed() {
        String old = anEmail();
        String next = anEmail();
        signUp(http, old);
        String token = signIn(http, old).get("accessToken").asString();

        http.post().uri("/api/me/email").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", next, "currentPassword", GOOD_PASSWORD)).exchange()
                .expectStatus().isAccepted();

        CapturedMail confirmation = awaitMail(next, "Please confirm your new e-mail address", 1);
        awaitMail(old, "Your e-mail address is about to change", 1);
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.email").isEqualTo(old);

        Matcher link = LINK.matcher(confirmation.text());
        assertThat(link.find()).as(confirmation.text()).isTrue();
        http.get().uri("/api/auth/email-confirmation?token={token}", link.group(1)).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/?email-change=confirmed");

        // The link proved the new address: the account's address counts as confirmed.
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.email").isEqualTo(next).jsonPath("$.emailVerified").isEqualTo(true);
        signIn(http, next);
        http.get().uri("/api/auth/email-confirmation?token={token}", link.group(1)).exchange()
                .expectHeader().location("/?email-change=expired");
    }

    @Test
    void needsTheCurrentPasswordAndAFreeAddress() {
        String mine = anEmail();
        String someoneElses = anEmail();
        signUp(http, mine);
        signUp(http, someoneElses);
        String token = signIn(http, mine).get("accessToken").asString();

        http.post().uri("/api/me/email").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", anEmail(), "currentPassword", "not my password")).exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/me/email").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", someoneElses, "currentPassword", GOOD_PASSWORD)).exchange()
                .expectStatus().isEqualTo(409);
    }
}
