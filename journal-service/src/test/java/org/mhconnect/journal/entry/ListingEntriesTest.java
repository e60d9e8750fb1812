package org.mhconnect.journal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.BERLIN;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Listing a journal: newest first, a page at a time, filtered by day, mood, emotion and tag, and searched in the
 * writer's own words. Thirty entries over three months, one every third day.
 */
@JournalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingEntriesTest {

    @Autowired
    RestTestClient http;

    final String writer = aUser();
    final LocalDate firstDay = LocalDate.now(ZoneId.of(BERLIN)).minusDays(89);
    final List<EntryView> written = new ArrayList<>();

    @BeforeAll
    void writeThirtyEntries() {
        for (int i = 0; i < 30; i++) {
            LocalDateTime at = firstDay.plusDays(3L * i).atTime(20, 15);
            int mood = i % 5 + 1;
            List<String> emotions = i % 2 == 0 ? List.of("calm", "grateful") : List.of("worried");
            List<String> tags = i % 3 == 0 ? List.of("Family") : List.of("work");
            String body = i == 7 ? "Had a coffee at the café with Ana, and felt lighter." : "An ordinary day number " + i + ".";
            written.add(http.post().uri("/api/journal/entries").headers(bearer(writer)).contentType(MediaType.APPLICATION_JSON)
                    .body(new EntryRequest(at, BERLIN, "Day " + i, body, mood, emotions, tags, i % 4 == 0 ? "a-breathing-space" : null,
                            i == 11 ? new Reframe("I am too slow", "You are learning", "Slow is still moving") : null, null))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody(EntryView.class).returnResult().getResponseBody());
        }
        // Someone else's entry, on the same days, must never appear.
        http.post().uri("/api/journal/entries").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(firstDay.atTime(21, 0), BERLIN, null, "café Ana", 1, List.of("worried"), List.of("work"),
                        null, null, null))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void pagesCoverEveryEntryOnceNewestFirst() {
        List<EntryView> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            EntryPage page = list("size=12" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        }
        while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(EntryView::id)
                .containsExactlyElementsOf(written.stream()
                        .sorted(Comparator.comparing(EntryView::localDateTime).reversed())
                        .map(EntryView::id).toList());
    }

    @Test
    void aDateRangeIsInclusiveOfLocalDays() {
        LocalDate from = firstDay.plusDays(3);
        LocalDate to = firstDay.plusDays(9);

        assertThat(list("from=" + from + "&to=" + to).items()).extracting(EntryView::title)
                .containsExactly("Day 3", "Day 2", "Day 1");
    }

    @Test
    void severalMoodsMatchAnyOfThem() {
        assertThat(list("mood=1&mood=2&size=100").items())
                .hasSize(12)
                .allSatisfy(entry -> assertThat(entry.mood()).isIn(1, 2));
    }

    @Test
    void emotionsMustAllBePresent() {
        assertThat(list("emotion=calm&emotion=grateful&size=100").items()).hasSize(15);
        assertThat(list("emotion=calm&emotion=worried&size=100").items()).isEmpty();
    }

    @Test
    void tagsMatchWhateverTheirCase() {
        assertThat(list("tag=family&size=100").items())
                .hasSize(10)
                .allSatisfy(entry -> assertThat(entry.tags()).containsExactly("Family"));
    }

    @Test
    void searchFindsTheWritersOwnWordsIgnoringCaseAndAccents() {
        assertThat(list("q=CAFE").items()).extracting(EntryView::title).containsExactly("Day 7");
        assertThat(list("q=slow is still").items()).extracting(EntryView::title).containsExactly("Day 11");
        assertThat(list("q=nothing like this").items()).isEmpty();
    }

    @Test
    void filtersCombine() {
        assertThat(list("mood=3&emotion=calm&tag=family&size=100").items()).extracting(EntryView::title)
                .containsExactlyInAnyOrder("Day 12");
    }

    @Test
    void badFiltersAreRefusedWithAProblem() {
        for (String bad : List.of("mood=7", "emotion=flabbergasted", "from=2026-05-10&to=2026-05-01", "size=0",
                "size=101", "cursor=not-a-cursor", "from=yesterday", "from=-999999999-01-01", "to=9999-12-31",
                "from=1066-10-14")) {
            http.get().uri("/api/journal/entries?" + bad).headers(bearer(writer)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aMalformedParameterIsNamedWithoutRepeatingItsValue() {
        http.get().uri("/api/journal/entries?from=the-day-it-all-went-wrong").headers(bearer(writer)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("from")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("went-wrong"));
    }

    @Test
    void someoneWithoutEntriesGetsAnEmptyPage() {
        EntryPage page = http.get().uri("/api/journal/entries").headers(bearer(aUser())).exchange()
                .expectStatus().isOk().expectBody(EntryPage.class).returnResult().getResponseBody();
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    private EntryPage list(String query) {
        return http.get().uri("/api/journal/entries?" + query).headers(bearer(writer)).exchange()
                .expectStatus().isOk()
                .expectBody(EntryPage.class).returnResult().getResponseBody();
    }
}
