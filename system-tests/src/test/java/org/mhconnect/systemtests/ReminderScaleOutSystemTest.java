package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;
import static org.mhconnect.systemtests.People.get;
import static org.mhconnect.systemtests.People.post;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.mhconnect.systemtests.People.Person;

/**
 * Two reminder-service processes share the reminders' partitions. The second is killed with SIGKILL the moment it has
 * released occurrences of a burst for delivery, before the burst has all arrived; every occurrence still arrives, each
 * occurrence id exactly once at the receivers (the webhook receiver keeps the first request of each {@code webhook-id}, as Standard Webhooks asks
 * receivers to; the inbox stores an occurrence once by itself).
 */
// Most of its two minutes are spent waiting for a minute boundary and a lease, so it runs beside the other system tests.
@Execution(ExecutionMode.CONCURRENT)
class ReminderScaleOutSystemTest {

    static final int PEOPLE = 16;
    static final int PER_PERSON = 3;
    static RunningSystem system;
    static HttpServer receiver;
    static final Map<String, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();
    static final List<Person> people = new ArrayList<>();

    @BeforeAll
    static void twoInstancesAndAWebhookReceiver() throws Exception {
        system = RunningSystem.shared();
        system.startInstance("reminder-service", "reminder-service-2");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            RECEIVED.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), id -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        for (int i = 0; i < PEOPLE; i++) {
            Person person = People.signUpAndSignIn(system.gateway());
            HttpResponse<String> hook = put(system.gateway() + "/api/notifications/webhook", person,
                    "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
            assertThat(hook.statusCode()).isEqualTo(200);
            people.add(person);
        }
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void twoInstancesShareTheLoadAndAKilledOneLosesNothing() throws Exception {
        // One burst, far enough ahead for the set-up: each person has three reminders in it.
        Instant due = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Set<String> burst = create(due, PER_PERSON);

        // The second instance is killed the moment it has released occurrences of the burst for delivery: it has
        // work in flight, and the burst has not all arrived yet.
        await().atMost(Duration.between(Instant.now(), due).plusSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> firedSoFar("reminder-service-2") > 0);
        system.kill("reminder-service-2");
        long arrivedAtTheKill = delivered(burst);
        System.out.printf("scale-out: reminder-service-2 killed %d ms after the burst was due, %d of %d arrived by then%n",
                Duration.between(due, Instant.now()).toMillis(), arrivedAtTheKill, burst.size());
        assertThat(arrivedAtTheKill).as("the burst was still being delivered at the kill").isLessThan(burst.size());

        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> delivered(burst) == burst.size());
        }
        catch (org.awaitility.core.ConditionTimeoutException ex) {
            describeMissing(burst);
            throw ex;
        }
        assertThat(firedSoFar("reminder-service")).as("occurrences fired by the surviving instance").isPositive();
        // Every occurrence arrived, and it stays so while stragglers (a resent delivery) could still come in.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(RECEIVED.keySet().stream().filter(id -> burst.contains(occurrenceOf(id)))).hasSize(burst.size()));
        // The inbox can trail the webhook: a delivery the killed instance had begun waits for its lease (30 s) to run
        // out before the survivor takes it over. Each occurrence must then be there once, and stay once.
        for (Person person : people) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> inbox(person).size() >= PER_PERSON);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (Person person : people) {
                assertThat(inbox(person)).as("each occurrence once in the inbox").doesNotHaveDuplicates()
                        .hasSize(PER_PERSON);
            }
        });
        long repeats = RECEIVED.values().stream().mapToInt(AtomicInteger::get).filter(count -> count > 1).count();
        System.out.printf("scale-out: %d occurrences, %d webhook ids received more than once (dropped by id)%n",
                burst.size(), repeats);
    }

    /** The occurrences in a person's inbox, as {@code <reminderId>@<scheduledAt>}. */
    private static List<String> inbox(Person person) throws Exception {
        List<String> inbox = new ArrayList<>();
        JSON.readTree(get(system.gateway() + "/api/notifications/inbox", person).body()).get("items")
                .valueStream().forEach(item -> inbox.add(item.get("reminderId").asString() + "@" + item.get("scheduledAt").asString()));
        return inbox;
    }

    /** Each person's reminders at that UTC minute, through the public API; returns the occurrence ids. */
    private static Set<String> create(Instant at, int perPerson) throws Exception {
        String time = at.atZone(ZoneOffset.UTC).toLocalTime().toString();
        Set<String> occurrences = new HashSet<>();
        for (Person person : people) {
            for (int i = 0; i < perPerson; i++) {
                HttpResponse<String> created = post(system.gateway() + "/api/reminders", person, """
                        {"kind":"custom","title":"Burst %d","channels":["webhook","inbox"],
                         "schedule":{"times":["%s"],"timeZone":"UTC"}}""".formatted(i, time));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                occurrences.add(JSON.readTree(created.body()).get("id").asString() + "@" + at);
            }
        }
        return occurrences;
    }

    /** What the history says about each occurrence that did not arrive, to find out why. */
    private static void describeMissing(Set<String> occurrences) throws Exception {
        Set<String> arrived = new HashSet<>();
        RECEIVED.keySet().forEach(id -> arrived.add(occurrenceOf(id)));
        for (String missing : occurrences) {
            if (arrived.contains(missing)) {
                continue;
            }
            String reminder = missing.substring(0, missing.indexOf('@'));
            for (Person person : people) {
                HttpResponse<String> history = get(system.gateway() + "/api/reminders/" + reminder + "/deliveries", person);
                if (history.statusCode() == 200) {
                    System.out.printf("missing %s (person %s): %s%n", missing, person.id(), history.body());
                }
            }
        }
    }

    private static long delivered(Set<String> occurrences) {
        return RECEIVED.keySet().stream().map(ReminderScaleOutSystemTest::occurrenceOf).filter(occurrences::contains).count();
    }

    /** {@code <reminderId>@<instant>/webhook} → {@code <reminderId>@<instant>}. */
    private static String occurrenceOf(String webhookId) {
        return webhookId == null ? "" : webhookId.substring(0, webhookId.lastIndexOf('/'));
    }

    /** The occurrences this instance's engine has released for delivery so far, read on its management port. */
    private static double firedSoFar(String instance) throws Exception {
        HttpResponse<String> metric = get(system.managementUrl(instance, "/actuator/metrics/mhc.reminders.fired"),
                people.getFirst());
        if (metric.statusCode() == 404) {
            return 0; // the counter appears with the instance's first occurrence
        }
        assertThat(metric.statusCode()).as(instance + " metrics").isEqualTo(200);
        return JSON.readTree(metric.body()).get("measurements").get(0).get("value").asDouble();
    }

    private static HttpResponse<String> put(String url, Person person, String json) throws Exception {
        return People.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + person.accessToken())
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
