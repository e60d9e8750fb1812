package org.mhconnect.gateway.edge;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.InfrastructureInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mhc.gateway.rate-limits.sign-in-per-minute=3", "mhc.gateway.rate-limits.api-per-minute=5"})
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
// Its own settings make its own application context; closing it afterwards keeps fewer gateways running at once.
@DirtiesContext
class RateLimitTest {

    @Autowired
    WebTestClient http;

    @Test
    void goingOverTheSignInLimitAnswersTooManyRequestsWithRetryAfter() {
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn().expectStatus().isUnauthorized();
        }

        signIn().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Please slow down");
    }

    @Test
    void everyApiRequestOfAClientCountsTowardsItsLimit() {
        for (int attempt = 0; attempt < 5; attempt++) {
            http.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        }

        http.get().uri("/api/me").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    private WebTestClient.ResponseSpec signIn() {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.org", "password", "not a real password")).exchange();
    }
}
