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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;

/**
 * MongoDB stops for 20 seconds while a person keeps writing in their journal, about four entries a second, through
 * the gateway. During the outage every write answers 503 with {@code Retry-After} as a problem, never a 500 and never
 * a hang; when MongoDB is back, writes succeed again (a refusal while the gateway's circuit breaker closes again is
 * a 503 too), and nothing that was acknowledged is lost: every entry that
 * answered 201 can be read back, and its {@code journal.entry-recorded} event reached {@code mhc.journal}. The
 * recovery time (from MongoDB's return to the next acknowledged write) is printed.
 */
@FaultTest
class DatabaseOutageSystemTest {

    static final Duration OUTAGE = Duration.ofSeconds(20);
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.forFaults();
    }

    @Test
    void writesDuringAnOutageAnswer503AndNothingAcknowledgedIsLost() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        Writer writer = new Writer(ada);
        Thread load = Thread.ofPlatform().name("journal-writer").start(writer);
        Instant restarted;
        try {
            await("a first entry is saved").atMost(Duration.ofSeconds(30)).until(() -> !writer.acknowledged.isEmpty());
            system.stopMongo();
            Instant stopped = Instant.now();
            Thread.sleep(OUTAGE.toMillis());
            assertThat(writer.answersSince(stopped.plusSeconds(5))).as("answers while MongoDB was away")
                    .isNotEmpty().allSatisfy(answer -> assertThat(answer.status()).isEqualTo(503));
            system.startMongo();
            restarted = Instant.now();
            // Recovered: the last five writes all succeeded, so the gateway's circuit breaker is closed again and the
            // system tests after this one meet a system in its steady state.
            await("writes succeed again after MongoDB is back").atMost(Duration.ofSeconds(90))
                    .until(() -> {
                        List<Answer> since = writer.answersSince(restarted);
                        return since.size() >= 5 && since.subList(since.size() - 5, since.size()).stream()
                                .allMatch(answer -> answer.status() == 201);
                    });
        }
        finally {
            system.startMongo(); // Whatever happened, the other system tests get their database back.
            writer.running.set(false);
            load.join(CLIENT_TIMEOUT.toMillis() * 2);
        }
        Answer firstBack = writer.answersSince(restarted).stream().filter(answer -> answer.status() == 201).findFirst()
                .orElseThrow();
        System.out.printf("DATABASE-OUTAGE %d writes, %d acknowledged, %d refused with 503; recovery %.1f s after MongoDB returned%n",
                writer.answers.size(), writer.acknowledged.size(),
                writer.answers.stream().filter(answer -> answer.status() == 503).count(),
                Duration.between(restarted, firstBack.at()).toMillis() / 1000.0);

        assertThat(writer.answers).as("every answer is 201, or 503 with Retry-After as a problem; none hung")
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isIn(201, 503);
                    if (answer.status() == 503) {
                        assertThat(answer.retryAfter()).isNotBlank();
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                    }
                });
        for (String entryId : writer.acknowledged) {
            HttpResponse<String> read = People.get(system.gateway() + "/api/journal/entries/" + entryId, ada);
            assertThat(read.statusCode()).as("acknowledged entry " + entryId).isEqualTo(200);
        }
        Set<String> announced = ConcurrentHashMap.newKeySet();
        try (KafkaConsumer<String, String> journal = new KafkaConsumer<>(Map.of("bootstrap.servers", system.kafka(),
                "group.id", "outage-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            journal.subscribe(List.of("mhc.journal"));
            await("every acknowledged entry's event is on mhc.journal").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : journal.poll(Duration.ofMillis(500))) {
                    if (record.value().contains("entryId")) {
                        announced.add(JSON.readTree(record.value()).get("entryId").asString());
                    }
                }
                return announced.containsAll(writer.acknowledged);
            });
        }
    }

    /** One answer to a write: its status, and the headers a client needs to know what to do. */
    record Answer(Instant at, int status, String retryAfter, String contentType) {
    }

    /** Writes an entry about every 250 ms until stopped, and keeps every answer. */
    static final class Writer implements Runnable {

        final Person person;
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Answer> answers = new CopyOnWriteArrayList<>();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        Writer(Person person) {
            this.person = person;
        }

        List<Answer> answersSince(Instant since) {
            return answers.stream().filter(answer -> !answer.at().isBefore(since)).toList();
        }

        @Override
        public void run() {
            int written = 0;
            while (running.get()) {
                try {
                    HttpResponse<String> answer = People.HTTP.send(HttpRequest.newBuilder(
                                    URI.create(system.gateway() + "/api/journal/entries")).timeout(CLIENT_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + person.accessToken())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"body\":\"Entry " + (++written) + " of a steady evening.\",\"mood\":3,\"timeZone\":\"Europe/Berlin\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    answers.add(new Answer(Instant.now(), answer.statusCode(),
                            answer.headers().firstValue("Retry-After").orElse(null),
                            answer.headers().firstValue("Content-Type").orElse("")));
                    if (answer.statusCode() == 201) {
                        acknowledged.add(JSON.readTree(answer.body()).get("id").asString());
                    }
                    Thread.sleep(250);
                }
                catch (HttpTimeoutException ex) {
                    answers.add(new Answer(Instant.now(), -1, null, "no answer within " + CLIENT_TIMEOUT));
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                catch (Exception ex) {
                    answers.add(new Answer(Instant.now(), -2, null, ex.toString()));
                }
            }
        }
    }
}
