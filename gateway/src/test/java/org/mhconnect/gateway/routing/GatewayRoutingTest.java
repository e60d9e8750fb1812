package org.mhconnect.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** The gateway in front of real HTTP servers: where requests go, and what callers see when a service is down. */
@GatewayIntegrationTest
class GatewayRoutingTest {

    static final int CONCURRENT_REQUESTS = 40;
    static final BackendServer CONTENT = start("content");
    static final BackendServer JOURNAL = start("journal");
    static final int STOPPED_SERVICE_PORT = unusedPort();
    static final long IMPORT_LIMIT = 1024 * 1024;

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("mhc.gateway.services.content", CONTENT::url);
        registry.add("mhc.gateway.services.journal", JOURNAL::url);
        registry.add("mhc.gateway.services.reminder", () -> "http://127.0.0.1:" + STOPPED_SERVICE_PORT);
        registry.add("mhc.gateway.max-import-size", () -> IMPORT_LIMIT + "B");
    }

    @AfterAll
    static void stopBackends() {
        CONTENT.close();
        JOURNAL.close();
    }

    @Test
    void sendsEachAreaToItsOwnService() {
        http.get().uri("/api/content/items").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("content").jsonPath("$.path").isEqualTo("/api/content/items");
        http.get().uri("/api/journal/entries/42").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("journal");
    }

    @Test
    void serves40RequestsInFlightAtOnceWithoutOpeningTheCircuit(@LocalServerPort int port) {
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> statuses = Flux.range(0, CONCURRENT_REQUESTS)
                .flatMap(i -> client.get().uri("/api/content/together").exchangeToMono(
                        response -> response.releaseBody().thenReturn(response.statusCode().value())), CONCURRENT_REQUESTS)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(CONCURRENT_REQUESTS).containsOnly(200);
    }

    @Test
    void answersAnUnknownApiRouteWithANotFoundProblem() {
        http.get().uri("/api/unknown/thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/unknown/thing");
        assertThat(CONTENT.requestedPaths()).doesNotContain("/api/unknown/thing");
    }

    @Test
    void answersForAStoppedServiceWithAServiceUnavailableProblemWithinSeconds() {
        Instant start = Instant.now();

        http.get().uri("/api/reminders").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Temporarily unavailable")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith("Reminders"));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void relaysTheAccessCookieAsABearerTokenAndDropsMadeUpIdentityHeaders() {
        http.get().uri("/api/content/items").cookie("mhc_access", "a.b.c").header("X-User-Id", "someone-else")
                .exchange()
                .expectStatus().isOk();

        assertThat(CONTENT.lastHeaders().getFirst("Authorization")).isEqualTo("Bearer a.b.c");
        assertThat(CONTENT.lastHeaders().containsKey("X-user-id")).isFalse();
        assertThat(CONTENT.lastHeaders().containsKey("Cookie")).isFalse();
    }

    @Test
    void anEmailActionPagesButtonNeedsNoCsrfTokenEvenWhenSignedIn() {
        // The signed link is the proof; its page's plain form cannot send X-CSRF-Token. The reminder service is
        // stopped here, so passing the CSRF check shows as its 503.
        http.post().uri("/api/notifications/actions/a.b.c").cookie("mhc_access", "a.b.c").cookie("mhc_csrf", "x")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("")
                .exchange()
                .expectStatus().isEqualTo(503);
        http.post().uri("/api/reminders/r1/stop").cookie("mhc_access", "a.b.c").cookie("mhc_csrf", "x")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void refusesAnOversizedBodyWithContentTooLarge() {
        http.post().uri("/api/journal/entries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"" + "x".repeat(300 * 1024) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JOURNAL.requestedPaths()).doesNotContain("/api/journal/entries");
    }

    @Test
    void cutsOffAChunkedBodyAtTheLimitAndAnswersContentTooLarge(@LocalServerPort int port) {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[64 * 1024];
        // 70 MB made as it is sent, without Content-Length: the body travels chunked.
        Flux<DataBuffer> seventyMegabytes = Flux.range(0, 70 * 16).map(i -> buffers.wrap(chunk));

        ProblemDetail problem = WebClient.create("http://localhost:" + port).post().uri("/api/journal/import")
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(seventyMegabytes))
                .exchangeToMono(response -> {
                    assertThat(response.statusCode().value()).isEqualTo(413);
                    assertThat(response.headers().contentType()).hasValue(MediaType.APPLICATION_PROBLEM_JSON);
                    return response.bodyToMono(ProblemDetail.class);
                })
                .block(Duration.ofSeconds(30));

        assertThat(problem.getTitle()).isEqualTo("Too large");
        assertThat(JOURNAL.importedBytes()).allSatisfy(received -> assertThat(received).isLessThanOrEqualTo(IMPORT_LIMIT));
    }

    @Test
    void sendsSecurityHeadersWithEveryResponse() {
        http.get().uri("/").exchange()
                .expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void servesEveryServicesApiDocumentInOnePlace() {
        http.get().uri("/api-docs/journal").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("journal").jsonPath("$.path").isEqualTo("/v3/api-docs");
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[?(@.url == '/api-docs/content')]").exists()
                .jsonPath("$.urls[?(@.url == '/api-docs/journal')]").exists()
                .jsonPath("$.urls[?(@.url == '/api-docs/reminders')]").exists();
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").value(version -> assertThat(version.toString()).startsWith("3.1"))
                .jsonPath("$.paths['/api/auth/login']").exists();
    }

    @Test
    void allowsNoOtherOriginToReadAnswers() {
        http.get().uri("/api/content/items").header("Origin", "https://elsewhere.example").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
        http.options().uri("/api/content/items").header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectHeader().doesNotExist("Access-Control-Allow-Methods");
    }

    @Test
    void servesTheWebAppAtTheRoot() {
        http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("Mental Health Connect"));
    }

    @Test
    void servesTheWebAppCompressedWithContentETagsThatAnswerNotModified(@LocalServerPort int port) throws Exception {
        // The JDK's client, because it leaves a compressed answer as it is and shows its Content-Encoding.
        HttpResponse<byte[]> script;
        try (HttpClient client = HttpClient.newHttpClient()) {
            script = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/js/app.js"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(script.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'self'; script-src 'self'; style-src 'self';"));
        String etag = script.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        http.get().uri("/js/app.js").header("If-None-Match", etag).exchange().expectStatus().isNotModified();

        String page = http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .returnResult(byte[].class).getResponseHeaders().getETag();
        assertThat(page).isNotNull().isNotEqualTo(etag);
        http.get().uri("/").header("If-None-Match", page).exchange().expectStatus().isNotModified();
    }

    private static BackendServer start(String name) {
        try {
            return new BackendServer(name);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
