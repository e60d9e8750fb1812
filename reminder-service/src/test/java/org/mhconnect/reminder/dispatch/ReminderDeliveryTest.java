package org.mhconnect.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.devstack.MailCatcher;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.testsupport.TestTokens;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * With the real broker, the real engine and real receivers: a reminder due in two seconds arrives once on every
 * channel the person chose (in GreenMail, at a webhook receiver that checks the Standard Webhooks signature with
 * the reference library, in the inbox, and through the live SSE stream), and its one-click links work. An address
 * still waiting for confirmation gets no mail (the history says so) while the other channels deliver.
 */
@ReminderIntegrationTest
@DirtiesContext
class ReminderDeliveryTest {

    static final MailCatcher MAIL = MailCatcher.onPort(freePort());
    static HttpServer receiver;
    static final List<Received> HOOKS = new CopyOnWriteArrayList<>();

    record Received(HttpHeaders headers, String body) {
    }

    @Autowired
    RestTestClient http;

    @Autowired
    Reminders reminders;

    @Autowired
    EventPublisher events;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("mhc.reminder.delivery.allow-loopback-webhooks", () -> "true");
        registry.add("mhc.reminder.delivery.first-backoff", () -> "200ms");
    }

    @BeforeAll
    static void startWebhookReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
            HOOKS.add(new Received(HttpHeaders.of(headers, (name, value) -> true), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceivers() {
        receiver.stop(0);
        MAIL.close();
    }

    @Test
    void aReminderDueInTwoSecondsArrivesOnceOnEveryChannel() throws Exception {
        String person = UUID.randomUUID().toString();
        String email = "person-" + person + "@example.org";
        registered(person, email);
        String secret = http.put().uri("/api/notifications/webhook").headers(as(person)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("secret").toString();
        assertThat(secret).startsWith("whsec_");
        String id = create(person, "custom", List.of("email", "webhook", "inbox"), "Drink some water");
        List<String> stream = openStream(person);
        Map<String, Double> sentBefore = sentByChannel();
        long latenessBefore = meters.get("mhc.reminders.lateness").tag("channel", "webhook").timer().count();

        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        reminders.snooze(person, id, due);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(HOOKS.stream().filter(hook -> hook.body().contains(id))).hasSize(1);
            assertThat(mailsTo(email)).hasSize(1);
            assertThat(stream.stream().filter(line -> line.startsWith("event:reminder"))).hasSize(1);
        });
        Instant arrived = Instant.now();
        assertThat(arrived).isAfterOrEqualTo(due);

        Received hook = HOOKS.stream().filter(h -> h.body().contains(id)).findFirst().orElseThrow();
        new Webhook(secret).verify(hook.body(), hook.headers()); // the reference library accepts our signature
        assertThat(hook.headers().firstValue("webhook-id").orElseThrow()).isEqualTo(id + "@" + due + "/webhook");

        MimeMessage mail = mailsTo(email).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Drink some water");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/api/notifications/actions/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        Map<String, Object> inbox = http.get().uri("/api/notifications/inbox").headers(as(person)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(inbox.get("unread")).isEqualTo(1);
        assertThat(stream).anyMatch(line -> line.startsWith("data:") && line.contains("Drink some water"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(history(person, id))
                .extracting(entry -> entry.get("channel") + ":" + entry.get("status"))
                .containsExactlyInAnyOrder("email:sent", "webhook:sent", "inbox:sent"));
        assertThat(sentByChannel()).allSatisfy((channel, sent) -> assertThat(sent).as(channel)
                .isGreaterThanOrEqualTo(sentBefore.get(channel) + 1));
        assertThat(meters.get("mhc.reminders.lateness").tag("channel", "webhook").timer().count())
                .isGreaterThan(latenessBefore);

        // Nothing arrives twice, even a while later.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(HOOKS.stream().filter(h -> h.body().contains(id))).hasSize(1);
            assertThat(mailsTo(email)).hasSize(1);
        });

        // The firing and its three deliveries are one trace: every notification.delivered carries the same trace id.
        try (TopicProbe notifications = new TopicProbe(Topics.NOTIFICATIONS)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> delivered(notifications.records(), id).size() == 3);
            assertThat(delivered(notifications.records(), id))
                    .extracting(record -> TopicProbe.header(record, "ce_traceparent"))
                    .allSatisfy(traceparent -> assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                    .extracting(traceparent -> traceparent.substring(3, 35)).containsOnly(
                            TopicProbe.header(delivered(notifications.records(), id).getFirst(), "ce_traceparent").substring(3, 35));
        }
    }

    private static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> delivered(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records, String reminderId) {
        return records.stream().filter(record -> "notification.delivered".equals(TopicProbe.header(record, "ce_type"))
                && record.value().contains(reminderId)).toList();
    }

    @Test
    void anAddressWaitingForConfirmationGetsNoMailWhileTheInboxStillDeliversAndAfterTheConfirmationTheNextOneIsMailed()
            throws Exception {
        String person = UUID.randomUUID().toString();
        String email = "unconfirmed-" + person + "@example.org";
        events.publish(Topics.USERS, new UserRegistered(UUID.randomUUID(), Instant.now(), person, email, "Ada",
                "Europe/Berlin", "en", false));
        await().atMost(Duration.ofSeconds(15)).until(() -> email.equals(preferences(person).get("email")));
        assertThat(preferences(person)).containsEntry("emailVerified", false);
        String id = create(person, "custom", List.of("email", "inbox"), "Stretch for a minute");

        reminders.snooze(person, id, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(person, id))
                .extracting(entry -> entry.get("channel") + " " + entry.get("status") + " (" + entry.get("reason") + ")")
                .containsExactlyInAnyOrder("email skipped (skipped: waiting for e-mail confirmation)", "inbox sent (null)"));
        assertThat(mailsTo(email)).isEmpty();
        assertThat(http.get().uri("/api/notifications/inbox").headers(as(person)).exchange()
                .expectBody(JSON).returnResult().getResponseBody().get("unread")).isEqualTo(1);

        events.publish(Topics.USERS, new UserEmailVerified(UUID.randomUUID(), Instant.now(), person, email));
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(preferences(person).get("emailVerified")));
        reminders.snooze(person, id, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);
        assertThat(mailsTo(email).getFirst().getSubject()).isEqualTo("Stretch for a minute");
    }

    @Test
    void theStopLinkInTheEmailWorksWithoutSigningIn() throws Exception {
        String person = UUID.randomUUID().toString();
        String email = "stop-" + person + "@example.org";
        registered(person, email);
        String id = create(person, "practice", List.of("email"), "Breathing space");
        reminders.snooze(person, id, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).size() == 1);

        String text = mailsTo(email).getFirst().getContent().toString();
        String body = text.contains("Stop this reminder") ? text : String.valueOf(MAIL.messages().stream()
                .filter(m -> m.to().contains(email)).findFirst().orElseThrow().text());
        String stop = body.lines().filter(line -> line.startsWith("Stop this reminder: ")).findFirst().orElseThrow()
                .substring("Stop this reminder: ".length()).replace("http://localhost:8080", "");

        http.get().uri(stop).exchange().expectStatus().isOk(); // only asks: a mail scanner's click stops nothing
        http.get().uri("/api/reminders/{id}", id).headers(as(person)).exchange()
                .expectBody().jsonPath("$.active").isEqualTo(true);
        http.post().uri(stop).contentType(MediaType.APPLICATION_FORM_URLENCODED).body("answer=page").exchange()
                .expectStatus().isOk(); // the page's button
        http.get().uri("/api/reminders/{id}", id).headers(as(person)).exchange()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        http.get().uri("/api/notifications/actions/{token}", "not-a-real-link").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aJournalReminderIsSkippedOnADayAlreadyJournaled() {
        String person = UUID.randomUUID().toString();
        registered(person, "journal-" + person + "@example.org");
        String id = create(person, "journal", List.of("inbox"), "Evening journal");
        double skippedBefore = alreadyJournaled();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate dueDay = Instant.now().plusSeconds(20).atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
        events.publish(Topics.JOURNAL, new JournalEntryRecorded(UUID.randomUUID(), Instant.now(), person,
                UUID.randomUUID().toString(), dueDay, 3, List.of()));
        assertThat(dueDay).isIn(today, today.plusDays(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get()
                .uri("/api/reminders/journaled-days?from={d}&to={d}", dueDay, dueDay).headers(as(person)).exchange()
                .returnResult(String.class).getResponseBody().contains(dueDay.toString()));

        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        assertThat(due.atZone(ZoneId.of("Europe/Berlin")).toLocalDate()).isEqualTo(dueDay);
        reminders.snooze(person, id, due);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(person, id))
                .extracting(entry -> entry.get("status") + ": " + entry.get("reason"))
                .containsExactly("skipped: skipped: already journaled"));
        assertThat(alreadyJournaled()).isEqualTo(skippedBefore + 1);
        assertThat(http.get().uri("/api/notifications/inbox").headers(as(person)).exchange()
                .expectBody(JSON).returnResult().getResponseBody().get("unread")).isEqualTo(0);
    }

    private Map<String, Double> sentByChannel() {
        return Map.of("email", sent("email"), "webhook", sent("webhook"), "inbox", sent("inbox"));
    }

    private double sent(String channel) {
        return meters.get("mhc.deliveries").tag("channel", channel).tag("outcome", "sent").counter().count();
    }

    private double alreadyJournaled() {
        return meters.get("mhc.reminders.skipped").tag("reason", "already-journaled").counter().count();
    }

    /**
     * Registers the way accounts from before e-mail confirmation did (no {@code emailVerified}): their address counts
     * as confirmed, so they are mailed as before.
     */
    private void registered(String person, String email) {
        events.publish(Topics.USERS, new UserRegistered(UUID.randomUUID(), Instant.now(), person, email, "Ada",
                "Europe/Berlin", "en"));
        await().atMost(Duration.ofSeconds(15)).until(() -> email.equals(preferences(person).get("email")));
        assertThat(preferences(person)).containsEntry("emailVerified", true);
    }

    private Map<String, Object> preferences(String person) {
        return http.get().uri("/api/notifications/preferences").headers(as(person)).exchange()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private String create(String person, String kind, List<String> channels, String title) {
        return http.post().uri("/api/reminders").headers(as(person)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", kind, "title", title, "channels", channels,
                        "schedule", Map.of("times", List.of("03:00"), "timeZone", "Europe/Berlin")))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id").toString();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String person, String id) {
        return (List<Map<String, Object>>) http.get().uri("/api/reminders/{id}/deliveries", id).headers(as(person)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody().get("items");
    }

    /** Reads the live stream on a thread of its own, as a browser would, and collects its lines. */
    private List<String> openStream(String person) throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(person)).header("Accept", "text/event-stream").build();
        Thread.ofVirtual().start(() -> {
            try {
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body().forEach(lines::add);
            }
            catch (IOException | InterruptedException ex) {
                // The test is over.
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.contains("connected")));
        return lines;
    }

    private static List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : MAIL.rawMessages()) {
            if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().contains(email))) {
                found.add(message);
            }
        }
        return found;
    }

    private static Consumer<org.springframework.http.HttpHeaders> as(String person) {
        return headers -> headers.setBearerAuth(TestTokens.get().accessToken(person));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
}
