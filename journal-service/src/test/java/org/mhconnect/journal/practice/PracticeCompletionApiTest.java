package org.mhconnect.journal.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;
import static org.mhconnect.journal.practice.PracticeFixtures.BERLIN;
import static org.mhconnect.journal.practice.PracticeFixtures.BREATHING_SPACE;
import static org.mhconnect.journal.practice.PracticeFixtures.BREATHING_SPACE_TITLE;
import static org.mhconnect.journal.practice.PracticeFixtures.completion;
import static org.mhconnect.journal.practice.PracticeFixtures.noonInBerlin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Practices finished in the player are recorded once, only when they make sense, only for their owner, go with
 * the account, and show in insights as practice days against mood.
 */
@JournalIntegrationTest
class PracticeCompletionApiTest {

    static final String COMPLETIONS = "/api/journal/practices/completions";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aCompletedPracticeIsRecordedOnTheLocalDayAndReadBackByItsOwnerOnly() {
        String owner = aUser();
        // 23:30 UTC on 1 March is already 2 March in Berlin.
        Instant lateEvening = Instant.parse("2026-03-01T23:30:00Z");

        String location = http.post().uri(COMPLETIONS).headers(bearer(owner)).contentType(MediaType.APPLICATION_JSON)
                .body(completion(lateEvening)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", COMPLETIONS + "/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.slug").isEqualTo(BREATHING_SPACE)
                .jsonPath("$.title").isEqualTo(BREATHING_SPACE_TITLE)
                .jsonPath("$.completedAt").isEqualTo("2026-03-01T23:30:00Z")
                .jsonPath("$.timeZone").isEqualTo(BERLIN)
                .jsonPath("$.localDate").isEqualTo("2026-03-02")
                .returnResult().getResponseHeaders().getLocation().toString();

        http.get().uri(location).headers(bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.slug").isEqualTo(BREATHING_SPACE);
        http.get().uri(COMPLETIONS).headers(bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);

        String someoneElse = aUser();
        http.get().uri(location).headers(bearer(someoneElse)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(COMPLETIONS).headers(bearer(someoneElse)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void aCompletionSentAgainWithTheSameKeyIsRecordedOnce() {
        String user = aUser();
        String key = UUID.randomUUID().toString();
        String body = completion(Instant.now().minus(1, ChronoUnit.MINUTES));

        List<String> locations = List.of(1, 2).stream().map(attempt -> http.post().uri(COMPLETIONS).headers(bearer(user))
                .header(IdempotencyKey.HEADER, key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.slug").isEqualTo(BREATHING_SPACE)
                .returnResult().getResponseHeaders().getLocation().toString()).toList();

        assertThat(locations.get(1)).isEqualTo(locations.get(0));
        assertThat(stored(user)).isEqualTo(1);
        // The same key for another practice is a mistake, not a retry: refused, and nothing more is stored.
        http.post().uri(COMPLETIONS).headers(bearer(user)).header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(completion("a-body-scan", "A body scan", Instant.now().toString(), BERLIN)).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(stored(user)).isEqualTo(1);
    }

    @Test
    void aCompletionThatDoesNotMakeSenseIsRefusedAsAProblemAndNothingIsStored() {
        String user = aUser();
        String now = Instant.now().toString();
        List<String> bad = List.of(
                "{\"title\":\"No slug\",\"completedAt\":\"" + now + "\"}",
                completion("Not A Slug!", BREATHING_SPACE_TITLE, now, BERLIN),
                completion(BREATHING_SPACE, " ", now, BERLIN),
                completion(BREATHING_SPACE, "Two\\nlines", now, BERLIN),
                completion(BREATHING_SPACE, "x".repeat(201), now, BERLIN),
                completion(BREATHING_SPACE, BREATHING_SPACE_TITLE, Instant.now().plus(1, ChronoUnit.HOURS).toString(), BERLIN),
                completion(BREATHING_SPACE, BREATHING_SPACE_TITLE, "1899-12-31T12:00:00Z", BERLIN),
                completion(BREATHING_SPACE, BREATHING_SPACE_TITLE, "yesterday", BERLIN),
                completion(BREATHING_SPACE, BREATHING_SPACE_TITLE, now, "Mars/Base"),
                "{\"slug\":\"a-breathing-space\",\"title\":\"T\",\"completedAt\":\"" + now + "\",\"userId\":\"" + aUser() + "\"}",
                "{\"slug\":\"a-breathing-space\",");

        for (String body : bad) {
            http.post().uri(COMPLETIONS).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(stored(user)).isZero();
    }

    @Test
    void insightsCompareMoodOnPractiseDaysWithDaysWithout() {
        String user = aUser();
        LocalDate today = LocalDate.now(ZoneId.of(BERLIN));
        // Six days with a mood: practised on three of them (mood 4), not on the other three (mood 2).
        for (int daysAgo = 1; daysAgo <= 6; daysAgo++) {
            LocalDate day = today.minusDays(daysAgo);
            write(user, day, daysAgo <= 3 ? 4 : 2);
            if (daysAgo <= 3) {
                http.post().uri(COMPLETIONS).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                        .body(completion(noonInBerlin(day))).exchange().expectStatus().isCreated();
            }
        }

        http.get().uri("/api/journal/insights?timeZone=" + BERLIN).headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.practice.completions").isEqualTo(3)
                .jsonPath("$.practice.daysPractised").isEqualTo(3)
                .jsonPath("$.practice.withPractice.days").isEqualTo(3)
                .jsonPath("$.practice.withPractice.averageMood").isEqualTo(4.0)
                .jsonPath("$.practice.withoutPractice.days").isEqualTo(3)
                .jsonPath("$.practice.withoutPractice.averageMood").isEqualTo(2.0)
                .jsonPath("$.practice.enoughToCompare").isEqualTo(true)
                .jsonPath("$.practice.difference").isEqualTo(2.0);

        // Over the last two days only, there are too few days to compare: counts, but no difference.
        http.get().uri("/api/journal/insights?timeZone=" + BERLIN + "&from=" + today.minusDays(2) + "&to=" + today)
                .headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.practice.withPractice.days").isEqualTo(2)
                .jsonPath("$.practice.enoughToCompare").isEqualTo(false)
                .jsonPath("$.practice.minimumDays").isEqualTo(3)
                .jsonPath("$.practice.difference").doesNotExist();
    }

    @Test
    void completionsGoWithTheAccountAndCannotBeRecordedAfterwards() throws Exception {
        String leaving = aUser();
        http.post().uri(COMPLETIONS).headers(bearer(leaving)).contentType(MediaType.APPLICATION_JSON)
                .body(completion(Instant.now())).exchange().expectStatus().isCreated();

        requestDeletion(leaving);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(leaving) == 0
                && mongo.findById(leaving, org.bson.Document.class, "erased_people") != null);
        http.post().uri(COMPLETIONS).headers(bearer(leaving)).contentType(MediaType.APPLICATION_JSON)
                .body(completion(Instant.now())).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored(leaving)).isZero();
    }

    private void write(String user, LocalDate day, int mood) {
        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "words", "mood", mood, "timeZone", BERLIN, "localDateTime", day.atTime(20, 0).toString()))
                .exchange().expectStatus().isCreated();
    }

    /** How many completions the database holds for the person. */
    private int stored(String userId) {
        org.bson.Document doc = mongo.findById(userId, org.bson.Document.class, PracticeCompletions.COLLECTION);
        return doc == null ? 0 : doc.getList("items", org.bson.Document.class).size();
    }

    private static void requestDeletion(String userId) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), EventSerialization.serializer())) {
            producer.send(new ProducerRecord<>(Topics.USERS, userId,
                    new UserDeletionRequested(UUID.randomUUID(), Instant.now(), userId))).get();
        }
    }
}
