package org.mhconnect.journal.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mhconnect.events.Topics;
import org.mhconnect.testsupport.TopicProbe;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.journal.entry.EntryView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * When an entry's words signal danger, support comes forward in the answer, and nothing about it leaves the
 * service. Here content-service is unreachable, so the built-in fallback answers.
 */
@JournalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CrisisSupportApiTest {

    static final String DANGER = "Some nights I want to end my life, quietly and for good";

    @Autowired
    RestTestClient http;

    @Test
    void anEntryThatSignalsDangerIsSavedAndAnsweredWithSupport(CapturedOutput output) {
        String user = aUser();
        try (TopicProbe journal = new TopicProbe(Topics.JOURNAL)) {
            EntryView saved = http.post().uri("/api/journal/entries").headers(bearer(user))
                    .header("Accept-Language", "en-GB,en;q=0.8")
                    .contentType(MediaType.APPLICATION_JSON).body(anEntry(DANGER)).exchange()
                    .expectStatus().isCreated()
                    .expectBody(EntryView.class).returnResult().getResponseBody();

            assertThat(saved.support()).isNotNull();
            assertThat(saved.support().country()).isEqualTo("GB");
            assertThat(saved.support().emergency().number()).isEqualTo("999");
            assertThat(saved.support().emergency().message()).contains("emergency number");
            assertThat(saved.support().resources()).isNotEmpty();
            http.get().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.body").isEqualTo(DANGER).jsonPath("$.support").doesNotExist();

            // The event says an entry was written, like any other, and nothing about what it said.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> journal.records().stream().anyMatch(r -> r.value().contains(saved.id())));
            assertThat(journal.records()).allSatisfy(record -> assertThat(record.value())
                    .doesNotContainIgnoringCase("support").doesNotContainIgnoringCase("crisis")
                    .doesNotContain("end my life"));
        }
        assertThat(output.getAll()).doesNotContain("end my life").doesNotContain("quietly");
    }

    @Test
    void aNegatedStatementBringsNoSupportBlock() {
        http.post().uri("/api/journal/entries").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body(anEntry("It was a rough week, but I don't want to die.")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.support").doesNotExist();
    }

    @Test
    void withoutAKnownCountryTheFallbackIsStillThere() {
        EntryView saved = http.post().uri("/api/journal/entries").headers(bearer(aUser()))
                .contentType(MediaType.APPLICATION_JSON).body(anEntry(DANGER)).exchange()
                .expectStatus().isCreated()
                .expectBody(EntryView.class).returnResult().getResponseBody();

        assertThat(saved.support().country()).isNull();
        assertThat(saved.support().emergency().number()).isEqualTo("112");
        assertThat(saved.support().resources()).extracting(resource -> resource.path("id").asString())
                .isEqualTo(List.of("find-a-helpline"));
    }
}
