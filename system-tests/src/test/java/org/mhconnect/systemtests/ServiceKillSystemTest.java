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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;

/**
 * A service is killed the hard way while people use it, and nothing is lost.
 *
 * <p>journal-service is killed the hard way (SIGKILL, kill -9: no shutdown hook, nothing flushed) while three writers keep
 * saving entries through the gateway, each with an {@code Idempotency-Key} as the web app sends it, and at the instant
 * of the kill at least one of their requests is in flight. While it is away the gateway answers 503 with
 * {@code Retry-After} as a problem, never a 500 and never a hang. It is started again, and every write that was not
 * acknowledged is sent again with its own key, as a client does after a 503 or a lost answer, until it is. Then
 * nothing is lost and nothing is doubled: the person has exactly one entry per key, every acknowledged entry reads
 * back, and every entry's day reaches reminder-service through {@code mhc.journal} (what the killed process had
 * staged in its outbox is relayed by the new one). The time from the kill until the next acknowledged write is
 * printed.
 *
 * <p>The gateway is killed while two people sign up one after another, with a sign-up in flight. Nobody can get an
 * answer from an edge that is gone, so the clients retry each address until it is acknowledged or reported taken
 * (saved before the kill). Every address then signs in, and every account's {@code user.registered} reaches
 * {@code mhc.users}: what the killed gateway had staged in its account outbox is relayed by the new one.
 */
@FaultTest
class ServiceKillSystemTest {

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    static final int WRITERS = 3;
    /** Days back from yesterday, one per write, so that reminder-service's journaled days show each entry apart. */
    static final int MAX_WRITES = 300;

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.forFaults();
    }

    @Test
    void journalServiceKilledWithWritesInFlightLosesNothingAndSavesNothingTwice() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        Writes writes = new Writes(ada);
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Thread.ofPlatform().name("journal-writer-" + i).start(writes::keepWriting));
        }
        Set<String> inFlightAtKill;
        Instant killed;
        Instant ready;
        try {
            await("steady writes").atMost(Duration.ofSeconds(30)).until(() -> writes.acknowledged.size() >= 15);
            await("a write in flight").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                    .until(() -> !writes.inFlight.isEmpty());
            inFlightAtKill = Set.copyOf(writes.inFlight.keySet());
            killed = Instant.now();
            system.kill("journal-service");
            await("refusals while journal-service is away").atMost(Duration.ofSeconds(30))
                    .until(() -> writes.answersSince(killed).stream().filter(a -> a.status() == 503).count() >= 3);
            system.restart("journal-service");
            ready = Instant.now();
            int acknowledgedWhenReady = writes.acknowledged.size();
            await("writes acknowledged again").atMost(Duration.ofSeconds(60))
                    .until(() -> writes.acknowledged.size() >= acknowledgedWhenReady + 10);
        }
        finally {
            writes.running.set(false);
            for (Thread writer : writers) {
                writer.join(CLIENT_TIMEOUT.toMillis() * 2);
            }
        }
        Instant firstAfter = writes.answers.stream().filter(a -> a.status() == 201 && a.at().isAfter(killed))
                .map(Answer::at).min(Instant::compareTo).orElseThrow();

        assertThat(inFlightAtKill).as("requests in flight the instant before the kill").isNotEmpty();
        Set<String> cutOff = writes.answers.stream().filter(a -> a.sentAt().isBefore(killed) && a.at().isAfter(killed))
                .map(Answer::key).collect(Collectors.toSet());
        assertThat(cutOff).as("requests sent before the kill and answered only after it").isNotEmpty();
        assertThat(writes.answers).as("every answer is 201, or 503 with Retry-After as a problem, or 409 (still in flight) "
                + "for a key whose first request the kill cut off; none hung, none 500").allSatisfy(answer -> {
                    if (answer.status() == 409) {
                        assertThat(cutOff).as(answer.toString()).contains(answer.key());
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                        return;
                    }
                    assertThat(answer.status()).as(answer.toString()).isIn(201, 503);
                    if (answer.status() == 503) {
                        assertThat(answer.retryAfter()).as(answer.toString()).isNotBlank();
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                    }
                });

        // The writes the writers were still sending again when they stopped: sent again with their keys until
        // acknowledged, as the web app goes on doing.
        Set<String> unanswered = new HashSet<>(writes.sent.keySet());
        unanswered.removeAll(writes.acknowledged.keySet());
        await("every write acknowledged when sent again with its key").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    for (String key : Set.copyOf(unanswered)) {
                        HttpResponse<String> answer = writes.send(key);
                        if (answer != null && answer.statusCode() == 201) {
                            writes.acknowledged.put(key, JSON.readTree(answer.body()).get("id").asString());
                            unanswered.remove(key);
                        }
                    }
                    return unanswered.isEmpty();
                });

        Map<String, String> entryOfKey = Map.copyOf(writes.acknowledged);
        assertThat(Set.copyOf(entryOfKey.values())).as("one entry per key, never two keys for one entry")
                .hasSize(entryOfKey.size());
        List<String> stored = entryIds(ada);
        assertThat(stored).as("the person's entries: exactly one per key sent, none lost, none doubled")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(entryOfKey.values());
        Set<LocalDate> days = writes.sent.values().stream().map(Write::day).collect(Collectors.toSet());
        await("every entry's day in reminder-service").atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500))
                .until(() -> People.journaledDays(system.gateway(), ada, MAX_WRITES + 2).containsAll(days));

        System.out.printf("SERVICE-KILL journal-service: %d keys written by %d writers, %d in flight at the kill, %d answered 503 "
                        + "while it was away, %d sent again; ready again %.1f s after the kill, next write "
                        + "acknowledged %.1f s after the kill; %d entries, 0 lost, 0 doubled%n",
                entryOfKey.size(), WRITERS, cutOff.size(),
                writes.answers.stream().filter(a -> a.status() == 503).count(), writes.resent.get(),
                Duration.between(killed, ready).toMillis() / 1000.0, Duration.between(killed, firstAfter).toMillis() / 1000.0,
                stored.size());
    }

    @Test
    void gatewayKilledWithSignUpsInFlightLosesNoAccountAndNoAnnouncement() throws Exception {
        SignUps signUps = new SignUps();
        List<Thread> threads = List.of(Thread.ofPlatform().name("sign-ups-1").start(signUps::keepSigningUp),
                Thread.ofPlatform().name("sign-ups-2").start(signUps::keepSigningUp));
        Instant killed;
        Instant ready;
        try {
            await("steady sign-ups").atMost(Duration.ofSeconds(60)).until(() -> signUps.accounts.size() >= 4);
            await("a sign-up in flight").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                    .until(() -> !signUps.inFlight.isEmpty());
            killed = Instant.now();
            system.kill("gateway");
            system.restart("gateway");
            ready = Instant.now();
            int whenReady = signUps.accounts.size();
            await("sign-ups acknowledged again").atMost(Duration.ofSeconds(60))
                    .until(() -> signUps.accounts.size() >= whenReady + 4);
        }
        finally {
            signUps.running.set(false);
            for (Thread thread : threads) {
                thread.join(CLIENT_TIMEOUT.toMillis() * 2);
            }
        }
        Set<String> cutOff = signUps.answers.stream().filter(a -> a.sentAt().isBefore(killed) && a.at().isAfter(killed))
                .map(Answer::key).collect(Collectors.toSet());
        assertThat(cutOff).as("sign-ups sent before the kill and answered only after it").isNotEmpty();
        assertThat(signUps.answers).as("201; 409 only for an address whose sign-up the kill cut off (it was saved); no "
                + "answer only while the gateway itself was away; none hung, none 500").allSatisfy(answer -> {
                    if (answer.status() == 409) {
                        assertThat(cutOff).as(answer.toString()).contains(answer.key());
                    }
                    else if (answer.status() < 0) {
                        assertThat(answer.at()).as(answer.toString()).isBetween(killed, ready.plusSeconds(1));
                    }
                    else {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                    }
                });

        Map<String, String> idOfEmail = new ConcurrentHashMap<>();
        for (String email : signUps.sent) {
            HttpResponse<String> signedIn = People.post(system.gateway() + "/api/auth/login", null,
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, People.PASSWORD));
            assertThat(signedIn.statusCode()).as("every address signed up can sign in: " + email).isEqualTo(200);
            idOfEmail.put(email, JSON.readTree(signedIn.body()).get("user").get("id").asString());
        }
        try (KafkaLook kafka = new KafkaLook(system.kafka())) {
            // What the killed gateway had staged waits for the new one's relay: events staged over 30 s ago, every 15 s.
            await("user.registered of every account on mhc.users").atMost(Duration.ofSeconds(75))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> kafka.registeredUsers().containsAll(idOfEmail.values()));
        }
        System.out.printf("SERVICE-KILL gateway: %d sign-ups, %d cut off by the kill (%d of them saved before it), ready "
                        + "again %.1f s after the kill; every account signs in and is announced, 0 lost%n",
                signUps.sent.size(), cutOff.size(), signUps.answers.stream().filter(a -> a.status() == 409).count(),
                Duration.between(killed, ready).toMillis() / 1000.0);
    }


    /** Every entry id of the person, page by page. */
    private static List<String> entryIds(Person person) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = People.get(system.gateway() + "/api/journal/entries?size=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)), person);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            var body = JSON.readTree(page.body());
            body.get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = body.get("nextCursor") == null || body.get("nextCursor").isNull() ? null : body.get("nextCursor").asString();
        }
        while (cursor != null);
        return ids;
    }


    record Answer(String key, Instant sentAt, Instant at, int status, String retryAfter, String contentType) {
    }

    /** One write: its key and the day it is written for; sending it again sends the same body. */
    record Write(String key, LocalDate day) {

        String body() {
            return "{\"body\":\"An evening entry, %s.\",\"mood\":3,\"timeZone\":\"UTC\",\"localDateTime\":\"%sT12:00:00\"}"
                    .formatted(day, day);
        }
    }

    /**
     * People signing up, one address after another; an address not acknowledged is sent again after a pause until it
     * is, or until the answer says it is already taken (its first sign-up was saved before the answer was lost).
     */
    static final class SignUps {

        final AtomicBoolean running = new AtomicBoolean(true);
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        final Map<String, Instant> inFlight = new ConcurrentHashMap<>();
        final Set<String> accounts = ConcurrentHashMap.newKeySet();
        final List<Answer> answers = new CopyOnWriteArrayList<>();

        void keepSigningUp() {
            while (running.get()) {
                String email = "kill-" + UUID.randomUUID() + "@example.org";
                sent.add(email);
                while (running.get()) {
                    int status = send(email);
                    if (status == 201 || status == 409) {
                        accounts.add(email);
                        break;
                    }
                    if (!Writes.pause(1000)) {
                        return;
                    }
                }
                if (!Writes.pause(300)) {
                    return;
                }
            }
        }

        private int send(String email) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.gateway() + "/api/auth/signup"))
                    .timeout(CLIENT_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"%s\",\"password\":\"%s\",\"displayName\":\"Kim\",\"timeZone\":\"Europe/Berlin\",\"locale\":\"en\"}"
                                    .formatted(email, People.PASSWORD))).build();
            Instant sentAt = Instant.now();
            inFlight.put(email, sentAt);
            int status;
            try {
                HttpResponse<String> answer = People.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                status = answer.statusCode();
                answers.add(new Answer(email, sentAt, Instant.now(), status, null,
                        answer.headers().firstValue("Content-Type").orElse("")));
            }
            catch (HttpTimeoutException ex) {
                status = -1;
                answers.add(new Answer(email, sentAt, Instant.now(), status, null, "no answer within " + CLIENT_TIMEOUT));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                status = -3;
            }
            catch (Exception ex) {
                status = -2;
                answers.add(new Answer(email, sentAt, Instant.now(), status, null, ex.toString()));
            }
            finally {
                inFlight.remove(email);
            }
            return status;
        }
    }

    /** Writers sharing one person: each write a new key and a day of its own, about four a second per writer. */
    static final class Writes {

        final Person person;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger nextDay = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();
        final Map<String, Write> sent = new ConcurrentHashMap<>();
        final Map<String, Instant> inFlight = new ConcurrentHashMap<>();
        /** Key → entry id. */
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final List<Answer> answers = new CopyOnWriteArrayList<>();

        Writes(Person person) {
            this.person = person;
        }

        void keepWriting() {
            LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
            while (running.get()) {
                int n = nextDay.getAndIncrement();
                if (n >= MAX_WRITES) {
                    return;
                }
                Write write = new Write(UUID.randomUUID().toString(), yesterday.minusDays(n));
                sent.put(write.key(), write);
                // As the web app does: a write not acknowledged (503, a lost answer, 409 while its first request's
                // claim stands) is sent again with the same key after a pause, until it is.
                while (running.get()) {
                    HttpResponse<String> answer = send(write.key());
                    if (answer != null && answer.statusCode() == 201) {
                        acknowledged.put(write.key(), JSON.readTree(answer.body()).get("id").asString());
                        break;
                    }
                    resent.incrementAndGet();
                    if (!pause(1000)) {
                        return;
                    }
                }
                if (!pause(200)) {
                    return;
                }
            }
        }

        static boolean pause(long millis) {
            try {
                Thread.sleep(millis); // the pace of the load, not a wait for something to happen
                return true;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Sends a write (again); the answer is kept in {@link #answers}, -1 for none in time, -2 for a failed call. */
        HttpResponse<String> send(String key) {
            Write write = sent.get(key);
            HttpRequest request = HttpRequest.newBuilder(URI.create(system.gateway() + "/api/journal/entries"))
                    .timeout(CLIENT_TIMEOUT).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + person.accessToken()).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(write.body())).build();
            Instant sentAt = Instant.now();
            inFlight.put(key, sentAt);
            try {
                HttpResponse<String> answer = People.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(key, sentAt, Instant.now(), answer.statusCode(),
                        answer.headers().firstValue("Retry-After").orElse(null),
                        answer.headers().firstValue("Content-Type").orElse("")));
                return answer;
            }
            catch (HttpTimeoutException ex) {
                answers.add(new Answer(key, sentAt, Instant.now(), -1, null, "no answer within " + CLIENT_TIMEOUT));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (Exception ex) {
                answers.add(new Answer(key, sentAt, Instant.now(), -2, null, ex.toString()));
            }
            finally {
                inFlight.remove(key);
            }
            return null;
        }

        List<Answer> answersSince(Instant since) {
            return answers.stream().filter(answer -> answer.at().isAfter(since)).toList();
        }
    }
}
