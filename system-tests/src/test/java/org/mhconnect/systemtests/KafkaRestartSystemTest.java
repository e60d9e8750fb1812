package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;

/**
 * Kafka restarts while people keep writing in their journal (about four entries a second, each on a day of its own)
 * and signing up (about one a second), all through the gateway. devstack's broker really goes away (its port refuses
 * connections for the 8 s it stays away, longer than any publish timeout) and comes back on the same port with the same
 * log. Writes made meanwhile are acknowledged: their events wait in the services' outboxes. Every answer is a 201, or a 503 problem with
 * {@code Retry-After}; none is a 500 and none hangs. Nothing is lost: every acknowledged entry and account reads back;
 * every entry's day reaches reminder-service through {@code mhc.journal}; every account's {@code user.registered}
 * leaves the gateway's outbox and every consumer group of {@code mhc.users} and {@code mhc.journal} reads to the
 * end; every outbox's backlog is 0 again. The recovery time (from the broker's return until every entry acknowledged by
 * then, those that waited in journal-service's outbox included, has reached reminder-service) is printed.
 */
@FaultTest
class KafkaRestartSystemTest {

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    /** How long the broker stays away: longer than the services' publish timeout (3 s), so events wait in outboxes. */
    static final Duration BROKER_AWAY = Duration.ofSeconds(8);
    /** Days back from yesterday, one per entry, so reminder-service's journaled days show each entry apart. */
    static final int MAX_ENTRIES = 300;
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "mhc.journal", List.of("reminder-service"),
            "mhc.users", List.of("content-service", "journal-service", "reminder-service"));

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.forFaults();
    }

    @Test
    void aBrokerRestartUnderLoadLosesNoWriteAndNoEvent() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        Load load = new Load(ada);
        PortWatch broker = new PortWatch(system.kafkaPort());
        List<Thread> threads = List.of(Thread.ofPlatform().name("journal-writer").start(load::writeEntries),
                Thread.ofPlatform().name("sign-ups").start(load::signUp),
                Thread.ofPlatform().name("kafka-port-watch").start(broker));
        Instant restarting;
        Instant back;
        Instant caughtUp;
        try {
            await("steady load").atMost(Duration.ofSeconds(30)).until(() -> load.entries.size() >= 12 && load.accounts.size() >= 2);
            restarting = Instant.now();
            system.restartKafka(BROKER_AWAY);
            back = Instant.now();
            // Recovered: every entry acknowledged until the broker's return (those written while it was away too, which
            // waited in journal-service's outbox) has reached reminder-service, while the load goes on.
            Set<LocalDate> writtenUntilBack = Set.copyOf(load.entries.values());
            await("every entry until the broker's return in reminder-service").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> People.journaledDays(system.gateway(), ada, MAX_ENTRIES + 2).containsAll(writtenUntilBack));
            caughtUp = Instant.now();
            int before = load.answers.size();
            await("load goes on after the restart").atMost(Duration.ofSeconds(30)).until(() -> load.answers.size() >= before + 12);
        }
        finally {
            load.running.set(false);
            broker.running.set(false);
            for (Thread thread : threads) {
                thread.join(CLIENT_TIMEOUT.toMillis() * 2);
            }
        }
        assertThat(broker.awaySeconds()).as("how long Kafka's port refused connections during the restart")
                .isGreaterThanOrEqualTo(BROKER_AWAY.toSeconds() - 1.0);
        long acknowledgedWhileAway = load.answers.stream().filter(answer -> answer.status() == 201
                && answer.at().isAfter(restarting) && answer.at().isBefore(back)).count();
        assertThat(acknowledgedWhileAway).as("writes acknowledged while the broker was away (their events waited in outboxes)")
                .isPositive();
        assertThat(load.answers).as("every answer is 201, or 503 with Retry-After as a problem; none hung").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(201, 503);
            if (answer.status() == 503) {
                assertThat(answer.retryAfter()).isNotBlank();
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        });

        for (String entryId : load.entries.keySet()) {
            assertThat(People.get(system.gateway() + "/api/journal/entries/" + entryId, ada).statusCode())
                    .as("acknowledged entry " + entryId).isEqualTo(200);
        }
        for (String email : load.accounts.values()) {
            assertThat(People.post(system.gateway() + "/api/auth/login", null,
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, People.PASSWORD)).statusCode())
                    .as("acknowledged account " + email).isEqualTo(200);
        }

        try (KafkaLook kafka = new KafkaLook(system.kafka())) {
            // A sign-up whose event could not be published waits in the gateway's outbox for the relay, which takes
            // events staged over 30 s ago every 15 s: up to 45 s after the sign-up.
            await("every entry's day in reminder-service, every account announced, every group at the end")
                    .atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(250))
                    .until(() -> People.journaledDays(system.gateway(), ada, MAX_ENTRIES + 2).containsAll(load.entries.values())
                            && kafka.registeredUsers().containsAll(load.accounts.keySet()) && lagOf(kafka) == 0);
            assertThat(kafka.registeredUsers()).as("user.registered of every acknowledged account on mhc.users")
                    .containsAll(load.accounts.keySet());
        }
        await("every outbox empty").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(outboxBacklogs()).allSatisfy((outbox, backlog) ->
                        assertThat(backlog).as("backlog of outbox " + outbox).isZero()));
        for (String service : RunningSystem.SERVICES) {
            assertThat(People.get(system.managementUrl(service, "/actuator/health/readiness"), null).statusCode())
                    .as(service + " ready").isEqualTo(200);
        }
        System.out.printf("KAFKA-RESTART %d writes (%d entries, %d sign-ups), %d acknowledged (%d while the broker was away), "
                        + "%d refused with 503; broker away %.1f s; recovery %.1f s from the broker's return until every entry "
                        + "acknowledged by then reached reminder-service%n",
                load.answers.size(), load.entries.size() + load.failedEntries.get(), load.accounts.size() + load.failedSignUps.get(),
                load.entries.size() + load.accounts.size(), acknowledgedWhileAway,
                load.answers.stream().filter(answer -> answer.status() == 503).count(),
                broker.awaySeconds(), Duration.between(back, caughtUp).toMillis() / 1000.0);
    }


    private static long lagOf(KafkaLook kafka) throws Exception {
        long lag = 0;
        for (Map.Entry<String, List<String>> topic : CONSUMERS.entrySet()) {
            for (String group : topic.getValue()) {
                lag += kafka.lag(group, topic.getKey());
            }
        }
        return lag;
    }


    /** {@code mhc.outbox.backlog} of every outbox, from each service's Prometheus scrape on its management port. */
    private static Map<String, Double> outboxBacklogs() throws Exception {
        Map<String, Double> backlogs = new ConcurrentHashMap<>();
        for (String service : RunningSystem.SERVICES) {
            People.get(system.managementUrl(service, "/actuator/prometheus"), null).body().lines()
                    .filter(line -> line.startsWith("mhc_outbox_backlog{"))
                    .forEach(line -> backlogs.put(service + " " + line.substring(line.indexOf("outbox=\"") + 8,
                            line.indexOf('"', line.indexOf("outbox=\"") + 8)), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
        }
        assertThat(backlogs).as("outbox gauges").isNotEmpty();
        return backlogs;
    }

    /** One answer to a write: its status, and the headers a client needs to know what to do. */
    record Answer(String what, Instant at, int status, String retryAfter, String contentType) {
    }

    /** Journal entries about every 250 ms and a sign-up about every second, until stopped; keeps every answer. */
    static final class Load {

        final Person person;
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Answer> answers = new CopyOnWriteArrayList<>();
        /** Acknowledged entries: id → the local day it was written for. */
        final Map<String, LocalDate> entries = new ConcurrentHashMap<>();
        /** Acknowledged accounts: id → e-mail. */
        final Map<String, String> accounts = new ConcurrentHashMap<>();
        final AtomicInteger failedEntries = new AtomicInteger();
        final AtomicInteger failedSignUps = new AtomicInteger();

        Load(Person person) {
            this.person = person;
        }

        void writeEntries() {
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            for (int written = 0; running.get() && written < MAX_ENTRIES; written++) {
                LocalDate day = yesterday.minusDays(written);
                String body = "{\"body\":\"Entry %d of a steady evening.\",\"mood\":3,\"timeZone\":\"UTC\",\"localDateTime\":\"%sT12:00:00\"}"
                        .formatted(written, day);
                HttpResponse<String> answer = send("entry", "/api/journal/entries", person, body);
                if (answer != null && answer.statusCode() == 201) {
                    entries.put(JSON.readTree(answer.body()).get("id").asString(), day);
                }
                else {
                    failedEntries.incrementAndGet();
                }
                if (!pause(250)) {
                    return;
                }
            }
        }

        void signUp() {
            while (running.get()) {
                String email = "restart-" + UUID.randomUUID() + "@example.org";
                HttpResponse<String> answer = send("sign-up", "/api/auth/signup", null, """
                        {"email":"%s","password":"%s","displayName":"Bea","timeZone":"Europe/Berlin","locale":"en"}"""
                        .formatted(email, People.PASSWORD));
                if (answer != null && answer.statusCode() == 201) {
                    accounts.put(JSON.readTree(answer.body()).get("id").asString(), email);
                }
                else {
                    failedSignUps.incrementAndGet();
                }
                if (!pause(1000)) {
                    return;
                }
            }
        }

        /** The answer, also kept in {@link #answers}; null when there was none in time (kept as -1) or the call failed (-2). */
        private HttpResponse<String> send(String what, String path, Person as, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gateway() + path)).timeout(CLIENT_TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (as != null) {
                request.header("Authorization", "Bearer " + as.accessToken());
            }
            try {
                HttpResponse<String> answer = People.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(what, Instant.now(), answer.statusCode(),
                        answer.headers().firstValue("Retry-After").orElse(null),
                        answer.headers().firstValue("Content-Type").orElse("")));
                return answer;
            }
            catch (HttpTimeoutException ex) {
                answers.add(new Answer(what, Instant.now(), -1, null, "no answer within " + CLIENT_TIMEOUT));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (Exception ex) {
                answers.add(new Answer(what, Instant.now(), -2, null, ex.toString()));
            }
            return null;
        }

        private boolean pause(long millis) {
            try {
                Thread.sleep(millis); // The pace of the load, not a wait for something to happen.
                return true;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
