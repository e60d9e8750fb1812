package org.mhconnect.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.definition.Reminders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Webhook retries against a real receiver, with the schedule shrunk to fit a test (first wait 200 ms, waits capped
 * at 1 s, an 8 s window): a receiver that answers 503 three times gets the reminder once, on the fourth attempt, every
 * attempt under the same {@code webhook-id}; one that never recovers is tried, never more than the cap apart, until
 * the window has passed, and the delivery is then marked failed; a 404 fails at once; and a retry that a stopped
 * instance left in MongoDB is carried on by this one.
 */
@ReminderIntegrationTest
class WebhookRetryTest {

    static final Duration CAP = Duration.ofSeconds(1);
    static final Duration WINDOW = Duration.ofSeconds(8);
    /** The sweep (every 500 ms) and a busy machine may add this much to a wait. */
    static final Duration SLACK = Duration.ofMillis(1500);
    static final int REFUSALS = 3;

    static HttpServer receiver;
    static final Map<String, List<Request>> REQUESTS = new ConcurrentHashMap<>();

    record Request(Instant at, String webhookId) {
    }

    /** A reminder snoozed to {@code due}, and the id of that occurrence's webhook delivery. */
    record Due(String reminderId, Instant due) {

        String delivery() {
            return reminderId + "@" + due + "/webhook";
        }
    }

    @Autowired
    RestTestClient http;

    @Autowired
    Reminders reminders;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    ApiCalls api;
    String person;

    @DynamicPropertySource
    static void aQuickRetrySchedule(DynamicPropertyRegistry registry) {
        registry.add("mhc.reminder.delivery.allow-loopback-webhooks", () -> "true");
        registry.add("mhc.reminder.delivery.first-backoff", () -> "200ms");
        registry.add("mhc.reminder.delivery.max-backoff", CAP::toString);
        registry.add("mhc.reminder.delivery.retry-window", WINDOW::toString);
    }

    /**
     * Answers by the path's first word: {@code flaky} 503 for the first three requests, then 204; {@code down} always
     * 503; {@code missing} 404. Keeps every request's time and {@code webhook-id}.
     */
    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            List<Request> seen = REQUESTS.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>());
            seen.add(new Request(Instant.now(), exchange.getRequestHeaders().getFirst("webhook-id")));
            int status = path.startsWith("/flaky") ? (seen.size() <= REFUSALS ? 503 : 204)
                    : path.startsWith("/down") ? 503 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void aNewPerson() {
        api = new ApiCalls(http);
        person = ApiCalls.newPerson();
    }

    @Test
    void aReceiverThatRefusesThreeTimesGetsTheReminderOnceOnTheFourthAttemptUnderOneId() {
        String path = hook("/flaky-" + person);
        Due id = dueSoon("Drink some water");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookEntry(id))
                .containsEntry("status", "sent").containsEntry("attempts", REFUSALS + 1));
        assertThat(webhookEntry(id).get("reason").toString()).isEqualTo("arrived on attempt 4 (before: the endpoint "
                + "answered 503, to be tried again later)");
        // Never again after it arrived, even a while later.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(REQUESTS.get(path)).hasSize(REFUSALS + 1));
        assertThat(REQUESTS.get(path)).extracting(Request::webhookId).containsOnly(id.delivery());
        assertThat(mongo.findById(id.delivery(), DeliveryDocument.class).status()).isEqualTo("SENT");
    }

    @Test
    void aReceiverThatNeverRecoversIsTriedUntilTheWindowHasPassedThenTheDeliveryFails() {
        double deadBefore = dead();
        String path = hook("/down-" + person);
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Due id = dueAt("Stretch", due);

        // While it is retried, the attempt count and the next attempt's time are in MongoDB, not only in memory.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            QueuedDelivery queued = queued(id);
            assertThat(queued).isNotNull();
            assertThat(queued.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(queued.nextAttemptAt()).isAfter(due);
            assertThat(queued.lastError()).contains("503");
        });

        await().atMost(WINDOW.plusSeconds(20)).untilAsserted(() -> assertThat(webhookEntry(id))
                .containsEntry("status", "failed"));
        List<Request> attempts = REQUESTS.get(path);
        assertThat(webhookEntry(id)).containsEntry("attempts", attempts.size());
        assertThat(webhookEntry(id).get("reason").toString()).startsWith("the endpoint answered 503")
                .contains("given up after " + attempts.size() + " attempts");
        assertThat(attempts).hasSizeBetween(6, 30);
        assertThat(attempts).extracting(Request::webhookId).containsOnly(id.delivery());
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at())).as("wait before attempt " + (i + 1))
                    .isLessThanOrEqualTo(CAP.plus(SLACK));
        }
        assertThat(attempts.getFirst().at()).isAfterOrEqualTo(due);
        assertThat(attempts.getLast().at()).isAfterOrEqualTo(due.plus(WINDOW)).isBefore(due.plus(WINDOW).plus(SLACK));
        assertThat(queued(id)).isNull();
        assertThat(dead()).isEqualTo(deadBefore + 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(REQUESTS.get(path)).hasSameSizeAs(attempts));
    }

    @Test
    void aNotFoundAnswerFailsAtOnceWithoutRetries() {
        String path = hook("/missing-" + person);
        Due id = dueSoon("Breathe");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookEntry(id))
                .containsEntry("status", "failed").containsEntry("attempts", 1)
                .containsEntry("reason", "the endpoint answered 404"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(REQUESTS.get(path)).hasSize(1));
    }

    @Test
    void aRetryThatAStoppedInstanceLeftInMongoDbIsCarriedOn() {
        String path = hook("/flaky-restart-" + person);
        REQUESTS.put(path, new CopyOnWriteArrayList<>(List.of(new Request(Instant.now(), "before"),
                new Request(Instant.now(), "the"), new Request(Instant.now(), "restart"))));
        String id = api.create(person, webhookReminder("Evening walk")).id();
        Instant due = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String occurrence = id + "@" + due;
        String delivery = occurrence + "/webhook";
        // What the stopped instance left: three failed attempts, the next one due now, its lease run out.
        mongo.insert(new DeliveryDocument(delivery, person, id, occurrence, "webhook", due, due, "PENDING", 3,
                "the endpoint could not be reached", due, null));
        mongo.insert(new QueuedDelivery(delivery, person, id, occurrence, "webhook", due, due, 3, Instant.now(),
                Instant.now().minusSeconds(1), null, "the endpoint could not be reached"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(webhookEntry(new Due(id, due)))
                .containsEntry("status", "sent").containsEntry("attempts", 4)
                .containsEntry("reason", "arrived on attempt 4 (before: the endpoint could not be reached)"));
        assertThat(REQUESTS.get(path)).extracting(Request::webhookId).endsWith(delivery).hasSize(4);
    }

    private String hook(String path) {
        ApiCalls.Reply reply = api.put(person, "/api/notifications/webhook",
                Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return path;
    }

    private Due dueSoon(String title) {
        return dueAt(title, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));
    }

    private Due dueAt(String title, Instant due) {
        String id = api.create(person, webhookReminder(title)).id();
        reminders.snooze(person, id, due);
        return new Due(id, due);
    }

    private static Map<String, Object> webhookReminder(String title) {
        Map<String, Object> body = ApiCalls.weekdayEvenings(title);
        body.put("channels", List.of("webhook"));
        return body;
    }

    private QueuedDelivery queued(Due due) {
        return mongo.findById(due.delivery(), QueuedDelivery.class);
    }

    /** The history's line for the webhook channel, or an empty map while there is none. */
    private Map<String, Object> webhookEntry(Due due) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get(person, "/api/reminders/{id}/deliveries",
                due.reminderId()).json().get("items");
        return items.stream().filter(entry -> "webhook".equals(entry.get("channel"))).findFirst().orElse(Map.of());
    }

    private double dead() {
        return meters.get("mhc.deliveries").tag("channel", "webhook").tag("outcome", "dead").counter().count();
    }
}
