package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;
import static org.mhconnect.systemtests.People.get;
import static org.mhconnect.systemtests.People.post;

import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;
import tools.jackson.databind.JsonNode;

/**
 * A person's webhook receiver is down for three minutes (its port closed: every attempt is refused), and six of their
 * reminders come due meanwhile, three in each of two minutes. The inbox gets them on time; the webhook deliveries
 * are retried, and when the receiver is back on the same port, every one arrives, each {@code webhook-id} exactly
 * once (the receiver keeps every request, as a Standard Webhooks receiver that drops repeats by id would see them),
 * none before its due time, within the backoff cap (a minute) of the receiver's return. The history (API) says how
 * many attempts each took and what kept it. Most of its four minutes are spent waiting for the outage to end, so it
 * runs in the fault lane beside the other system tests.
 */
@FaultTest
class WebhookOutageSystemTest {

    static final Duration OUTAGE = Duration.ofMinutes(3);
    static final int PER_MINUTE = 3;
    /** The product's backoff cap (mhc.reminder.delivery.max-backoff), plus the sweep and a busy machine. */
    static final Duration BACK_WITHIN = Duration.ofSeconds(60 + 30);

    static RunningSystem system;
    static Receiver receiver;

    @BeforeAll
    static void startTheSystemAndAReceiver() throws Exception {
        system = RunningSystem.forFaults();
        receiver = new Receiver();
        receiver.up();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.down();
    }

    @Test
    void remindersDueWhileTheReceiverIsDownArriveOnceEachWhenItIsBack() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        HttpResponse<String> hook = put(system.gateway() + "/api/notifications/webhook", ada,
                "{\"url\":\"http://127.0.0.1:" + receiver.port + "/hook\"}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
        HttpResponse<String> test = post(system.gateway() + "/api/notifications/webhook/test", ada, "");
        assertThat(JSON.readTree(test.body()).get("delivered").asBoolean()).as("the receiver works: " + test.body()).isTrue();

        receiver.down();
        Instant down = Instant.now();
        // Two whole minutes, the first at least 35 s ahead (time to create six reminders), the second 2.5 min after
        // the outage began at the latest: both come due while the receiver is down.
        Instant first = down.plusSeconds(25).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant second = first.plus(Duration.ofMinutes(1));
        Map<String, Instant> due = new ConcurrentHashMap<>(); // webhook-id → due time
        List<String> reminders = new ArrayList<>();
        for (Instant at : List.of(first, second)) {
            for (int i = 0; i < PER_MINUTE; i++) {
                String id = create(ada, at, "Outage " + at.atZone(ZoneOffset.UTC).toLocalTime() + " #" + i);
                reminders.add(id);
                due.put(id + "@" + at + "/webhook", at);
            }
        }
        assertThat(Instant.now()).as("created before the first is due").isBefore(first);
        assertThat(second).as("the second minute is inside the outage").isBefore(down.plus(OUTAGE).minusSeconds(20));

        // Meanwhile the inbox has them on time, and the webhook has no line in the history yet: it is being retried.
        await("every reminder in the inbox").atMost(Duration.between(Instant.now(), second).plusSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> inbox(ada) == reminders.size());
        await("the outage to end").atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Instant.now().isBefore(down.plus(OUTAGE)));
        for (String reminder : reminders) {
            assertThat(history(ada, reminder)).as("history of " + reminder + " before the receiver is back")
                    .extracting(entry -> entry.get("channel").asString() + ":" + entry.get("status").asString())
                    .containsExactly("inbox:sent");
        }
        assertThat(receiver.requests).as("nothing reached a closed port").hasSize(1);

        receiver.up();
        Instant back = Instant.now();
        await("every reminder at the receiver").atMost(BACK_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> receiver.ids().containsAll(due.keySet()));
        // Each once, and still once a while later: nothing is sent again after it arrived.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                receiver.requests.stream().filter(request -> due.containsKey(request.webhookId()))
                        .collect(Collectors.groupingBy(Request::webhookId, Collectors.counting())))
                .as("requests per webhook-id").hasSize(due.size()).allSatisfy((id, count) -> assertThat(count).isOne()));
        List<Request> arrived = receiver.requests.stream().filter(request -> due.containsKey(request.webhookId())).toList();
        for (Request request : arrived) {
            assertThat(request.at()).as(request.webhookId() + " never early").isAfterOrEqualTo(due.get(request.webhookId()))
                    .isAfterOrEqualTo(back);
            assertThat(request.scheduledAt()).isEqualTo(due.get(request.webhookId()));
        }
        Instant last = arrived.stream().map(Request::at).max(Comparator.naturalOrder()).orElseThrow();
        List<Integer> attempts = new ArrayList<>();
        for (String reminder : reminders) {
            JsonNode webhook = history(ada, reminder).stream().filter(entry -> "webhook".equals(entry.get("channel").asString()))
                    .findFirst().orElseThrow();
            assertThat(webhook.get("status").asString()).isEqualTo("sent");
            assertThat(webhook.get("attempts").asInt()).as("attempts of " + reminder).isGreaterThanOrEqualTo(4);
            // Refused while the port was closed (a connection the client kept from before fails differently, once).
            assertThat(webhook.get("reason").asString()).matches("arrived on attempt " + webhook.get("attempts").asInt()
                    + " \\(before: the (endpoint could not be reached|connection to the endpoint failed .*)\\)");
            attempts.add(webhook.get("attempts").asInt());
        }
        System.out.printf("WEBHOOK-OUTAGE %d reminders, receiver down %d s, all delivered %.1f s after it returned "
                        + "(%d to %d attempts each)%n", due.size(), Duration.between(down, back).toSeconds(),
                Duration.between(back, last).toMillis() / 1000.0, attempts.stream().min(Integer::compare).orElseThrow(),
                attempts.stream().max(Integer::compare).orElseThrow());
    }

    /** A reminder at that UTC minute, to the webhook and the inbox; answers its id. */
    private static String create(Person person, Instant at, String title) throws Exception {
        HttpResponse<String> created = post(system.gateway() + "/api/reminders", person, """
                {"kind":"custom","title":"%s","channels":["webhook","inbox"],
                 "schedule":{"times":["%s"],"timeZone":"UTC"}}""".formatted(title, at.atZone(ZoneOffset.UTC).toLocalTime()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    private static int inbox(Person person) throws Exception {
        return JSON.readTree(get(system.gateway() + "/api/notifications/inbox", person).body()).get("items").size();
    }

    private static List<JsonNode> history(Person person, String reminder) throws Exception {
        HttpResponse<String> history = get(system.gateway() + "/api/reminders/" + reminder + "/deliveries", person);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        return JSON.readTree(history.body()).get("items").valueStream().toList();
    }

    private static HttpResponse<String> put(String url, Person person, String json) throws Exception {
        return People.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + person.accessToken())
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One request that reached the receiver: when, its {@code webhook-id}, and the occurrence's due time it names. */
    record Request(Instant at, String webhookId, Instant scheduledAt) {
    }

    /**
     * A webhook receiver on one loopback port that can be taken down (the port closed, so connecting is refused) and
     * brought back on the same port. It answers 204 and keeps every request.
     */
    static final class Receiver {

        final List<Request> requests = new CopyOnWriteArrayList<>();
        int port;
        private HttpServer server;

        synchronized void up() throws Exception {
            // The port was ours a moment ago; binding again may wait briefly for the system to let it go.
            await("the receiver listening on its port").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreException(BindException.class).until(() -> {
                        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                        return true;
                    });
            port = server.getAddress().getPort();
            server.createContext("/hook", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                JsonNode data = JSON.readTree(body).get("data");
                requests.add(new Request(Instant.now(), exchange.getRequestHeaders().getFirst("webhook-id"),
                        data.has("scheduledAt") ? Instant.parse(data.get("scheduledAt").asString()) : null));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        synchronized void down() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        Set<String> ids() {
            return requests.stream().map(Request::webhookId).collect(Collectors.toSet());
        }
    }
}
