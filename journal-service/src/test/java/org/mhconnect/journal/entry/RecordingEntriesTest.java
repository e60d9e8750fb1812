package org.mhconnect.journal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.journal.entry.EntryFixtures.PRIVATE_WORDS;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;

import java.time.Duration;
import java.util.function.Consumer;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.events.Topics;
import org.mhconnect.testsupport.TopicProbe;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@JournalIntegrationTest
class RecordingEntriesTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    TopicProbe journalTopic;

    @BeforeEach
    void listenToTheJournalTopic() {
        journalTopic = new TopicProbe(Topics.JOURNAL);
    }

    @AfterEach
    void stopListening() {
        journalTopic.close();
    }

    @Test
    void savesAnEntryAndAnswersWithItsLocation() {
        String user = aUser();
        LocalDate before = LocalDate.now(ZoneId.of(EntryFixtures.BERLIN));

        EntryView saved = http.post().uri("/api/journal/entries").headers(bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(anEntry(PRIVATE_WORDS)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/journal/entries/[0-9a-f-]{36}")
                .expectBody(EntryView.class).returnResult().getResponseBody();

        // The writer's own day in Berlin, even when the request straddles midnight there.
        assertThat(saved.localDateTime().toLocalDate())
                .isBetween(before, LocalDate.now(ZoneId.of(EntryFixtures.BERLIN)));
        http.get().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo(PRIVATE_WORDS);
    }

    @Test
    void publishesEntryRecordedWithCloudEventsHeadersAndNoJournalText() {
        String user = aUser();

        EntryView saved = http.post().uri("/api/journal/entries").headers(bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(anEntry(PRIVATE_WORDS)).exchange()
                .expectStatus().isCreated()
                .expectBody(EntryView.class).returnResult().getResponseBody();

        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(20)).until(
                () -> journalTopic.records().stream().filter(record -> record.value().contains(saved.id())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(event.key()).isEqualTo(user);
        assertThat(TopicProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("journal.entry-recorded");
        assertThat(TopicProbe.header(event, CloudEventHeaders.SOURCE)).isEqualTo("journal-service");
        assertThat(TopicProbe.header(event, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(event, CloudEventHeaders.ID)).isNotBlank();
        assertThat(TopicProbe.header(event, "__TypeId__")).isEqualTo("journal.entry-recorded");
        assertThat(event.value()).doesNotContain("inner critic").doesNotContain("hopeless");
    }

    @Test
    void anotherPersonsEntryIsNotFound() {
        EntryView saved = http.post().uri("/api/journal/entries").headers(bearer(aUser()))
                .contentType(MediaType.APPLICATION_JSON).body(anEntry(PRIVATE_WORDS)).exchange()
                .expectBody(EntryView.class).returnResult().getResponseBody();

        http.get().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(aUser())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Entry not found");
    }

    @Test
    void malformedJsonIsABadRequestAndStoresNothing() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body("{\"body\": \"" + PRIVATE_WORDS).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("critic"));

        assertThat(entriesOf(user)).isZero();
    }

    @Test
    void anUnknownFieldCannotBeSmuggledIn() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"body\":\"words\",\"mood\":3,\"timeZone\":\"Europe/Berlin\",\"userId\":\"someone-else\"}")
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(entriesOf(user)).isZero();
        assertThat(entriesOf("someone-else")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\"mood\":3.7", "\"mood\":\"3\"", "\"mood\":true",
            "\"mood\":3,\"localDateTime\":\"2026-05-01T21:30:00Z\"",
            "\"mood\":3,\"localDateTime\":\"2026-05-01T21:30:00+02:00\"",
            "\"mood\":3,\"title\":\"gpj.\\u202Eexe\"", "\"mood\":3,\"title\":\"two\\nlines\"",
            "\"mood\":3,\"title\":\"nul\\u0000\"", "\"mood\":3,\"tags\":[\"\\u2066tag\"]",
            "\"mood\":3,\"tags\":[\"a\\rb\"]", "\"mood\":3,\"body\":\"a\\u001Bb\"",
            "\"mood\":3,\"body\":\"a\\u0000b\"", "\"mood\":3,\"body\":\"half \\uD800 a pair\""})
    void refusesCoercedValuesAnOffsetOnALocalTimeAndUnsafeText(String fields) {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"timeZone\":\"Europe/Berlin\"," + fields + (fields.contains("\"body\"") ? "" : ",\"body\":\"words\"") + "}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(entriesOf(user)).isZero();
    }

    @Test
    void aBodyKeepsItsNewLinesAndTabs() {
        http.post().uri("/api/journal/entries").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body("{\"body\":\"Dear me,\\n\\tbe kind.\",\"mood\":3,\"timeZone\":\"Europe/Berlin\",\"title\":\"\u0645\u0631\u062D\u0628\u0627\u200F\"}")
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void aLegacyZoneNameIsKeptUnderItsCurrentName() {
        http.post().uri("/api/journal/entries").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body("{\"body\":\"words\",\"mood\":3,\"timeZone\":\"Asia/Calcutta\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.timeZone").isEqualTo("Asia/Kolkata");
    }

    @Test
    void anEntryWithoutAMoodIsSavedAndAnnouncedWithoutOne() {
        String user = aUser();

        EntryView saved = http.post().uri("/api/journal/entries").headers(bearer(user))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"body\":\"Just words today.\",\"timeZone\":\"Europe/Berlin\"}").exchange()
                .expectStatus().isCreated()
                .expectBody(EntryView.class).returnResult().getResponseBody();
        assertThat(saved.mood()).isNull();

        http.get().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.body").isEqualTo("Just words today.").jsonPath("$.mood").doesNotExist();
        http.get().uri("/api/journal/entries?mood=3").headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(20)).until(
                () -> journalTopic.records().stream().filter(record -> record.value().contains(saved.id())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(event.value()).doesNotContainPattern("\"mood\":\\s*[0-9]").doesNotContain("Just words");
    }

    @Test
    void invalidFieldsAreNamedWithoutEchoingTheirValues() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(null, "Mars/Olympus_Mons", null, PRIVATE_WORDS, 9, null, null, null, null, null)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'mood')]").exists()
                .jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
                .jsonPath("$.errors[*].message").value(messages -> assertThat(messages.toString()).doesNotContain("critic"));

        assertThat(entriesOf(user)).isZero();
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        http.post().uri("/api/journal/entries").contentType(MediaType.APPLICATION_JSON).body(anEntry("words"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private long entriesOf(String user) {
        return mongo.count(Query.query(Criteria.where("userId").is(user)), JournalEntryDocument.class);
    }

    private static Consumer<HttpHeaders> bearer(String userId) {
        return EntryFixtures.bearer(userId);
    }
}
