package org.mhconnect.gateway.edge;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.InfrastructureInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Sign-in is counted in the strict bucket however its path is spelled: percent-encoded letters choose no other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mhc.gateway.rate-limits.sign-in-per-minute=3", "mhc.gateway.rate-limits.api-per-minute=1000"})
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@DirtiesContext
class EncodedPathRateLimitTest {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void percentEncodedSignInPathsCountInTheSignInBucket() {
        signIn("/api/auth/%6cogin").expectStatus().isUnauthorized();
        signIn("/api/auth/log%69n").expectStatus().isUnauthorized();
        signIn("/%61pi/auth/login").expectStatus().isUnauthorized();

        signIn("/api/auth/login").expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        signIn("/api/auth/%6C%6F%67%69%6E").expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec signIn(String path) {
        // An absolute URI goes out as written; a path given to the client would have its % encoded again.
        return http.post().uri(URI.create("http://localhost:" + port + path)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.org", "password", "not a real password")).exchange();
    }
}
