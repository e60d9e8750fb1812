package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.util.Arrays;
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

/**
 * A wrong password and an unknown address take the same time to refuse, so that timing a sign-in does not tell
 * whether an address has an account: exactly one Argon2 verification per attempt. The attempts alternate, so that
 * anything else the machine does falls on both kinds alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mhc.gateway.rate-limits.sign-in-per-minute=100000", "mhc.gateway.rate-limits.api-per-minute=100000"})
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@DirtiesContext
class SignInTimingTest {

    private static final int ATTEMPTS = 200;

    @Autowired
    WebTestClient http;

    @Test
    void aWrongPasswordAndAnUnknownAddressTakeTheSameTime() {
        String known = anEmail();
        signUp(http, known);
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            signIn(known);
            signIn(anEmail());
        }

        long[] wrongPassword = new long[ATTEMPTS];
        long[] unknownAddress = new long[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS; i++) {
            wrongPassword[i] = signIn(known);
            unknownAddress[i] = signIn(anEmail());
        }

        double wrong = median(wrongPassword);
        double unknown = median(unknownAddress);
        assertThat(Math.abs(wrong - unknown) / Math.max(wrong, unknown))
                .as("median of a wrong password %.1f ms, of an unknown address %.1f ms", wrong / 1e6, unknown / 1e6)
                .isLessThanOrEqualTo(0.10);
    }

    /** Nanoseconds until a refused sign-in is answered. */
    private long signIn(String email) {
        long start = System.nanoTime();
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "not the right password at all")).exchange()
                .expectStatus().isUnauthorized();
        return System.nanoTime() - start;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
