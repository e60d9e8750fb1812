package org.mhconnect.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.testsupport.InfrastructureInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the redis profile the buckets live in a real Redis server (Debian's redis-server, which CI installs), so
 * that several gateway instances count together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mhc.gateway.rate-limits.sign-in-per-minute=3")
@ActiveProfiles("redis")
@AutoConfigureWebTestClient(timeout = "20s")
@ContextConfiguration(initializers = InfrastructureInitializer.class)
// Its own settings make its own application context; closing it afterwards keeps fewer gateways running at once.
@DirtiesContext
class RedisRateLimitTest {

    static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    static final int PORT = freePort();
    static Process redis;

    @Autowired
    WebTestClient http;

    /**
     * CI installs redis-server (.ci/run) and must run this test; elsewhere it is skipped, with a line that says how
     * to get it. This runs before the application context is made: an assumption that fails while the context is
     * being made is reported as an error, not as a skip.
     */
    @BeforeAll
    static void redisServerIsInstalled() {
        String missing = "redis-server is not installed at " + REDIS_SERVER
                + "; install it with: sudo apt-get install redis-server";
        boolean installed = Files.isExecutable(REDIS_SERVER);
        if (!installed && System.getenv("CI") == null) {
            System.out.println("SKIPPED the Redis rate-limit test: " + missing);
        }
        assumeTrue(installed || System.getenv("CI") != null, missing);
        assertThat(installed).as(missing + " (required in CI)").isTrue();
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) throws IOException {
        redis = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(Duration.ofSeconds(20)).until(RedisRateLimitTest::answering);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> PORT);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @Test
    void theSignInLimitIsCountedInRedis() {
        for (int attempt = 0; attempt < 3; attempt++) {
            signIn().expectStatus().isUnauthorized();
        }

        signIn().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(redis.isAlive()).isTrue();
    }

    private WebTestClient.ResponseSpec signIn() {
        return http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nobody@example.org", "password", "not a real password")).exchange();
    }

    private static boolean answering() {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
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
