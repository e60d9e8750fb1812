package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.gateway.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.devstack.CapturedMail;
import org.mhconnect.devstack.MailCatcher;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A new e-mail address counts only once the link sent to it is followed; real SMTP, captured by GreenMail. */
@GatewayIntegrationTest
// Its own settings make its own application context; closing it afterwards keeps fewer gateways running at once.
@DirtiesContext
class EmailChangeTest {

    static final MailCatcher MAIL = MailCatcher.onPort(freePort());
    static final Pattern LINK = Pattern.compile("http://\\S+/api/auth/email-confirmation\\?token=(\\S+)");

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", MAIL::smtpPort);
    }

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    void theNewAddressCountsOnlyAfterItsLinkIsFollowed() {
        String old = anEmail();
        String next = anEmail();
        signUp(http, old);
        String token = signIn(http, old).get("accessToken").asString();

        http.post().uri("/api/me/email").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", next, "currentPassword", GOOD_PASSWORD)).exchange()
                .expectStatus().isAccepted();

        CapturedMail confirmation = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo(next), mail -> mail != null);
        assertThat(mailTo(old)).isNotNull();
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.email").isEqualTo(old);

        Matcher link = LINK.matcher(confirmation.text());
        assertThat(link.find()).as(confirmation.text()).isTrue();
        http.get().uri("/api/auth/email-confirmation?token={token}", link.group(1)).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/?email-change=confirmed");

        http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.email").isEqualTo(next);
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

    private static CapturedMail mailTo(String address) {
        return MAIL.messages().stream().filter(mail -> mail.to().contains(address)).findFirst().orElse(null);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
