package org.mhconnect.journal.insight;

import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.journal.entry.EntryRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Insights over the caller's own entries, in their time zone. */
@JournalIntegrationTest
class InsightsApiTest {

    static final String AUCKLAND = "Pacific/Auckland";

    @Autowired
    RestTestClient http;

    @Test
    void theLastThirtyDaysInTheCallersTimeZoneByDefault() {
        String user = aUser();
        LocalDate today = LocalDate.now(ZoneId.of(AUCKLAND));
        for (int daysAgo : List.of(0, 1, 3)) {
            http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                    .body(new EntryRequest(today.minusDays(daysAgo).atTime(0, 30), AUCKLAND, null, "words", 4 - daysAgo % 2,
                            List.of("calm"), null, daysAgo == 0 ? "a-body-scan" : null, null, null))
                    .exchange().expectStatus().isCreated();
        }

        http.get().uri("/api/journal/insights?timeZone=" + AUCKLAND).headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.to").isEqualTo(today.toString())
                .jsonPath("$.from").isEqualTo(today.minusDays(29).toString())
                .jsonPath("$.entries").isEqualTo(3)
                .jsonPath("$.moodByDay.length()").isEqualTo(30)
                .jsonPath("$.moodByDay[29].mean").isEqualTo(4.0)
                .jsonPath("$.emotions[0].code").isEqualTo("calm")
                .jsonPath("$.emotions[0].count").isEqualTo(3)
                .jsonPath("$.practice.withPractice.days").isEqualTo(1)
                .jsonPath("$.consistency.daysJournaled").isEqualTo(3)
                .jsonPath("$.consistency.days").isEqualTo(30)
                .jsonPath("$.consistency.score").doesNotExist()
                .jsonPath("$.consistency.message").isNotEmpty();
    }

    @Test
    void badRangesAreRefused() {
        for (String bad : List.of("from=2026-05-10&to=2026-05-01", "from=2024-01-01&to=2026-01-01", "timeZone=Mars/Base",
                "from=soon", "from=-999999999-01-01", "to=+999999999-12-31", "from=0001-01-01&to=0001-01-02",
                "from=9999-12-31")) {
            http.get().uri("/api/journal/insights?" + bad).headers(bearer(aUser())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
