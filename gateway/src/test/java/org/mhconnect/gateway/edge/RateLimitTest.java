package org.mhconnect.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
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
        properties = {"mhc.gateway.rate-limits.sign-in-per-minute=3", "mhc.gateway.rate-limits.api-per-minute=5",
                // The test client connects from 127.0.0.1: as a trusted proxy, its X-Forwarded-For names the client.
                "mhc.gateway.trusted-proxies=127.0.0.1"})
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
// Its own settings make its own application context; closing it afterwards keeps fewer gateways running at once.
@DirtiesContext
class RateLimitTest {

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @Test
    void goingOverTheSignInLimitAnswersTooManyRequestsWithRetryAfter() {
        double refusedBefore = meters.get("mhc.ratelimit.refusals").tag("limit", "sign-in").counter().count();
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn().expectStatus().isUnauthorized();
        }

        signIn().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Please slow down");
        assertThat(meters.get("mhc.ratelimit.refusals").tag("limit", "sign-in").counter().count())
                .isEqualTo(refusedBefore + 1);
    }

    @Test
    void everyApiRequestOfAClientCountsTowardsItsLimit() {
        for (int attempt = 0; attempt < 5; attempt++) {
            http.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        }

        http.get().uri("/api/me").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void anonymousHealthShowsTheStatusOnlyAndCountsTowardsTheLimit() {
        String client = "203.0.113.7";
        // The status, and nothing about which component or why (that is on the management port).
        Map<?, ?> health = http.get().uri("/actuator/health").header("X-Forwarded-For", client).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Object> keys = new ArrayList<>(health.keySet());
        assertThat(keys).contains("status").doesNotContain("components", "details");
        for (int attempt = 1; attempt < 5; attempt++) {
            http.get().uri("/actuator/health/liveness").header("X-Forwarded-For", client).exchange()
                    .expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }

        http.get().uri("/actuator/health").header("X-Forwarded-For", client).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() {
        for (int attempt = 0; attempt < 5; attempt++) {
            http.get().uri("/api/me").header("X-Forwarded-For", "198.51.100.20").exchange().expectStatus().isUnauthorized();
        }
        http.get().uri("/api/me").header("X-Forwarded-For", "198.51.100.20").exchange().expectStatus().isEqualTo(429);

        // A spoofed left-most entry changes nothing: the proxy's right-most entry names the client.
        http.get().uri("/api/me").header("X-Forwarded-For", "198.51.100.99, 198.51.100.20").exchange()
                .expectStatus().isEqualTo(429);
        http.get().uri("/api/me").header("X-Forwarded-For", "198.51.100.21").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec signIn() {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.org", "password", "not a real password")).exchange();
    }
}
