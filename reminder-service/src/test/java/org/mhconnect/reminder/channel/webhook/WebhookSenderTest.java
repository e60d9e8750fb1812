package org.mhconnect.reminder.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Deliveries to a real HTTP server on 127.0.0.1, allowed by the development setting of the URL policy. The receiver
 * checks each delivery as a customer would, with the reference library of Standard Webhooks.
 */
class WebhookSenderTest {

    private static final String BODY = "{\"type\":\"reminder.due\",\"data\":{\"title\":\"Drink some water \u2615\"}}";

    private final WebhookSecret secret = WebhookSecret.generate();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();

    private HttpServer server;
    private WebhookSender sender;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/ok", exchange -> answer(exchange, 204));
        server.createContext("/created", exchange -> answer(exchange, 201));
        server.createContext("/gone", exchange -> answer(exchange, 410));
        server.createContext("/broken", exchange -> answer(exchange, 500));
        server.createContext("/busy", exchange -> answer(exchange, 429));
        server.createContext("/bad", exchange -> answer(exchange, 400));
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200);
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("location", url("/ok").toString());
            answer(exchange, 302);
        });
        server.start();
        sender = new WebhookSender(new WebhookUrlPolicy(true), Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopReceiver() {
        release.countDown();
        sender.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aDeliveryArrivesAsASignedJsonPostThatTheReferenceLibraryVerifies() throws Exception {
        WebhookResult result = sender.send(url("/ok"), "msg_42", BODY, List.of(secret));

        assertThat(result).isEqualTo(new WebhookResult.Delivered(204));
        Received delivery = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivery).isNotNull();
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(delivery.body()).isEqualTo(BODY);
        assertThat(delivery.header("content-type")).isEqualTo("application/json");
        assertThat(delivery.header("user-agent")).isEqualTo("MentalHealthConnect-Webhooks/1");
        assertThat(delivery.header("webhook-id")).isEqualTo("msg_42");
        assertThat(Long.parseLong(delivery.header("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), offset(30L));
        assertThatCode(() -> new Webhook(secret.encoded()).verify(delivery.body(), delivery.headers()))
                .doesNotThrowAnyException();
    }

    @Test
    void eachAttemptIsSignedWithTheTimeOfThatAttempt() throws Exception {
        Instant at = Instant.parse("2026-05-01T08:00:00Z");
        try (WebhookSender fixed = new WebhookSender(new WebhookUrlPolicy(true), Clock.fixed(at, ZoneOffset.UTC),
                Duration.ofSeconds(2))) {
            fixed.send(url("/ok"), "msg_42", BODY, List.of(secret));
        }

        Received delivery = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivery.header("webhook-timestamp")).isEqualTo(Long.toString(at.getEpochSecond()));
        assertThat(delivery.header("webhook-signature"))
                .isEqualTo(new WebhookSigner().signature("msg_42", at, BODY, secret));
    }

    @Test
    void anyTwoHundredAnswerIsDelivered() {
        assertThat(sender.send(url("/created"), "msg_42", BODY, List.of(secret))).isEqualTo(new WebhookResult.Delivered(201));
    }

    @Test
    void anAnswerOf410MeansTheEndpointIsGone() {
        assertThat(sender.send(url("/gone"), "msg_42", BODY, List.of(secret))).isEqualTo(new WebhookResult.Gone());
    }

    @Test
    void anAnswerOf500IsAFailureToTryAgain() {
        WebhookResult result = sender.send(url("/broken"), "msg_42", BODY, List.of(secret));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("500");
        });
    }

    @Test
    void anAnswerOf429IsAFailureToTryAgain() {
        assertThat(sender.send(url("/busy"), "msg_42", BODY, List.of(secret)))
                .isInstanceOfSatisfying(WebhookResult.Failed.class, failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void anAnswerOf400IsAFailureNotToTryAgain() {
        WebhookResult result = sender.send(url("/bad"), "msg_42", BODY, List.of(secret));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("400").doesNotContain("reminder.due").doesNotContain("Drink");
        });
    }

    @Test
    void anEndpointSlowerThanTheTimeoutIsAFailureToTryAgain() {
        try (WebhookSender impatient = new WebhookSender(new WebhookUrlPolicy(true), Clock.systemUTC(),
                Duration.ofMillis(300))) {
            long start = System.nanoTime();

            WebhookResult result = impatient.send(url("/slow"), "msg_42", BODY, List.of(secret));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(result).isInstanceOfSatisfying(WebhookResult.Failed.class, failed -> {
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.reason()).contains("did not answer within 300 milliseconds");
            });
        }
    }

    @Test
    void aRedirectIsNotFollowedAndIsAFailure() throws Exception {
        WebhookResult result = sender.send(url("/moved"), "msg_42", BODY, List.of(secret));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("redirect");
        });
        assertThat(received.poll(200, TimeUnit.MILLISECONDS).path()).isEqualTo("/moved");
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("the redirect's target").isNull();
    }

    @Test
    void anEndpointThatCannotBeReachedIsAFailureToTryAgain() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        WebhookResult result = sender.send(URI.create("http://127.0.0.1:" + closedPort + "/ok"), "msg_42", BODY,
                List.of(secret));

        assertThat(result).isInstanceOfSatisfying(WebhookResult.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void aUrlRefusedByThePolicyIsNotCalledAndNotTriedAgain() throws Exception {
        try (WebhookSender production = new WebhookSender(new WebhookUrlPolicy(false), Clock.systemUTC(),
                Duration.ofSeconds(2))) {
            WebhookResult result = production.send(url("/ok"), "msg_42", BODY, List.of(secret));

            assertThat(result).isEqualTo(new WebhookResult.Failed(
                    "the URL was refused: the URL points to this server itself (a loopback address)", false));
        }
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void thePolicyIsAskedAgainBeforeEveryAttempt() {
        int[] lookups = { 0 };
        WebhookUrlPolicy counting = new WebhookUrlPolicy(true, host -> {
            lookups[0]++;
            return InetAddress.getAllByName(host);
        });
        try (WebhookSender counted = new WebhookSender(counting, Clock.systemUTC(), Duration.ofSeconds(2))) {
            counted.send(url("/ok"), "msg_42", BODY, List.of(secret));
            counted.send(url("/ok"), "msg_42", BODY, List.of(secret));
        }

        assertThat(lookups[0]).isEqualTo(2);
    }

    @ParameterizedTest(name = "an answer of {0} is {1}")
    @CsvSource(textBlock = """
            200, delivered
            202, delivered
            299, delivered
            410, gone
            408, retryable
            425, retryable
            429, retryable
            500, retryable
            502, retryable
            503, retryable
            599, retryable
            301, final
            302, final
            307, final
            308, final
            400, final
            401, final
            403, final
            404, final
            413, final
            422, final
            """)
    void eachAnswerHasItsOutcome(int status, String outcome) {
        WebhookResult result = WebhookSender.outcome(status);

        switch (outcome) {
            case "delivered" -> assertThat(result).isEqualTo(new WebhookResult.Delivered(status));
            case "gone" -> assertThat(result).isEqualTo(new WebhookResult.Gone());
            default -> assertThat(result).isInstanceOfSatisfying(WebhookResult.Failed.class,
                    failed -> assertThat(failed.retryable()).isEqualTo(outcome.equals("retryable")));
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void answer(HttpExchange exchange, int status) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private record Received(String method, String path, Map<String, List<String>> rawHeaders, String body) {

        String header(String name) {
            return headers().firstValue(name).orElse(null);
        }

        HttpHeaders headers() {
            return HttpHeaders.of(rawHeaders, (key, value) -> true);
        }
    }
}
