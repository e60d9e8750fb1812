package org.mhconnect.gateway.identity;

import static org.awaitility.Awaitility.await;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.InfrastructureInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An access token stops working when its short life ends, even for a person whose account is being deleted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mhc.gateway.identity.access-token-ttl=2s", "mhc.gateway.rate-limits.sign-in-per-minute=1000"})
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
// Its own settings make its own application context; closing it afterwards keeps fewer gateways running at once.
@DirtiesContext
class ShortLivedTokenTest {

    @Autowired
    WebTestClient http;

    @Test
    void theTokenOfADeletedAccountIsRefusedOnceItsLifetimeEnds() {
        String email = anEmail();
        signUp(http, email);
        String token = signIn(http, email).get("accessToken").asString();
        http.delete().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                http.get().uri("/api/me/deletion").headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isUnauthorized());
    }
}
