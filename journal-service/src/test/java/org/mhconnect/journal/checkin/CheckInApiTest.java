package org.mhconnect.journal.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.events.Topics;
import org.mhconnect.testsupport.TopicProbe;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Taking the self-compassion check-in, keeping its history, and announcing the scores. */
@JournalIntegrationTest
class CheckInApiTest {

    static final List<Integer> KIND = List.of(1, 5, 5, 1, 5, 5, 5, 1, 1, 5, 1, 1);
    static final List<Integer> HARSH = List.of(5, 1, 1, 5, 1, 1, 1, 5, 5, 1, 5, 5);

    @Autowired
    RestTestClient http;

    @Test
    void theQuestionsArePublicAndFramedAsAReflection() {
        http.get().uri("/api/journal/checkins/questions").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(12)
                .jsonPath("$.scale['1']").isEqualTo("Almost never")
                .jsonPath("$.note").value(note -> assertThat(note.toString()).contains("not a diagnosis"));
    }

    @Test
    void aCheckInAnswersWithItsScoresAndGentleReading() {
        http.post().uri("/api/journal/checkins").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("answers", KIND, "timeZone", "Asia/Tokyo")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/journal/checkins/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.total").isEqualTo(5.0)
                .jsonPath("$.band").isEqualTo("HIGH")
                .jsonPath("$.interpretation").isNotEmpty()
                .jsonPath("$.subscales.length()").isEqualTo(6)
                .jsonPath("$.subscales[?(@.code == 'self-judgment')].harsh").isEqualTo(List.of(true));
    }

    @Test
    void everyPartReadsHigherIsKinderAndTheLeastKindPartSuggestsAPractice() {
        // Kind everywhere except self-judgment, answered harshly (items 11 and 12: "almost always").
        List<Integer> harshOnlyWithOneself = List.of(1, 5, 5, 1, 5, 5, 5, 1, 1, 5, 5, 5);

        http.post().uri("/api/journal/checkins").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("answers", harshOnlyWithOneself)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.subscales[?(@.code == 'self-judgment')].score").isEqualTo(List.of(5.0))
                .jsonPath("$.subscales[?(@.code == 'self-judgment')].kindness").isEqualTo(List.of(1.0))
                .jsonPath("$.subscales[?(@.code == 'self-judgment')].kindLabel")
                .isEqualTo(List.of("Going easy on yourself (less self-judgment)"))
                .jsonPath("$.subscales[?(@.code == 'isolation')].kindness").isEqualTo(List.of(5.0))
                .jsonPath("$.subscales[?(@.code == 'self-kindness')].kindness").isEqualTo(List.of(5.0))
                .jsonPath("$.practice.part").isEqualTo("self-judgment")
                .jsonPath("$.practice.habit").isEqualTo("challenge-negative-self-talk");
    }

    @Test
    void aCheckInCanBeReadBackByItsOwnerOnly() {
        String owner = aUser();
        String location = http.post().uri("/api/journal/checkins").headers(bearer(owner))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("answers", KIND)).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseHeaders().getLocation().toString();

        http.get().uri(location).headers(bearer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(5.0).jsonPath("$.answers.length()").isEqualTo(12);
        http.get().uri(location).headers(bearer(aUser())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theHistoryIsNewestFirstAndCheckInsTakenTogetherShowNoTrendYet() {
        String user = aUser();
        for (List<Integer> answers : List.of(HARSH, HARSH, KIND)) {
            http.post().uri("/api/journal/checkins").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("answers", answers)).exchange().expectStatus().isCreated();
        }

        http.get().uri("/api/journal/checkins").headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].total").isEqualTo(5.0)
                .jsonPath("$.items[2].total").isEqualTo(1.0)
                // Minutes apart, a total of 1 then 5 is not "grown kinder": too soon to tell.
                .jsonPath("$.trend.direction").isEqualTo("TOO_SOON")
                .jsonPath("$.trend.change").doesNotExist()
                .jsonPath("$.trend.message").value(message -> assertThat((String) message).startsWith("There is not enough time between your check-ins yet"));
        http.get().uri("/api/journal/checkins").headers(bearer(aUser())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0).jsonPath("$.trend").doesNotExist();
    }

    @Test
    void checkInCompletedCarriesScoresOnly() {
        String user = aUser();
        try (TopicProbe journal = new TopicProbe(Topics.JOURNAL)) {
            http.post().uri("/api/journal/checkins").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("answers", List.of(4, 2, 3, 5, 1, 2, 4, 3, 2, 5, 4, 1))).exchange()
                    .expectStatus().isCreated();

            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(20)).until(
                    () -> journal.records().stream().filter(r -> user.equals(r.key())
                            && "journal.checkin-completed".equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).findFirst(),
                    found -> found.isPresent()).orElseThrow();
            assertThat(event.value()).contains("\"total\":2.83").contains("\"self-kindness\":2.0")
                    .doesNotContain("answers");
        }
    }

    @Test
    void aCheckInWithoutExactlyTwelveAnswersFromOneToFiveIsRefusedAndNothingIsKept() {
        String user = aUser();
        for (Object answers : List.of(List.of(1, 2, 3), List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3),
                List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 0), List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 6))) {
            http.post().uri("/api/journal/checkins").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("answers", answers)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.post().uri("/api/journal/checkins").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"answers\":[1,2,3,4,5,1,2,3,4,5,1,\"x\"]}").exchange().expectStatus().isBadRequest();
        // Answers are whole numbers: neither a fraction nor a number in quotes is rounded or read into one.
        for (String last : List.of("3.9", "\"4\"", "null", "true")) {
            http.post().uri("/api/journal/checkins").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"answers\":[1,2,3,4,5,1,2,3,4,5,1," + last + "]}").exchange().expectStatus().isBadRequest();
        }

        http.get().uri("/api/journal/checkins").headers(bearer(user)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}
