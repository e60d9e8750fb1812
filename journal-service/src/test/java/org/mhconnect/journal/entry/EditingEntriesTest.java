package org.mhconnect.journal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.BERLIN;
import static org.mhconnect.journal.entry.EntryFixtures.aFullEntry;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;
import static org.mhconnect.journal.entry.EntryFixtures.changed;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Reading, changing and deleting entries, with optimistic locking; bad input changes nothing. */
@JournalIntegrationTest
class EditingEntriesTest {

    @Autowired
    RestTestClient http;

    @Test
    void aFullEntryComesBackAsItWasWritten() {
        String user = aUser();
        LocalDateTime at = LocalDateTime.now(ZoneId.of(BERLIN)).minusDays(2).withNano(0);

        EntryView saved = create(user, aFullEntry(at, 4, List.of("calm", "grateful"), List.of("Walk", "family"), "a-breathing-space"));

        EntryView read = read(user, saved.id());
        assertThat(read.localDateTime()).isEqualTo(at);
        assertThat(read.title()).isEqualTo("A title about the day");
        assertThat(read.mood()).isEqualTo(4);
        assertThat(read.emotions()).containsExactly("calm", "grateful");
        assertThat(read.tags()).containsExactly("Walk", "family");
        assertThat(read.practiceId()).isEqualTo("a-breathing-space");
        assertThat(read.reframe()).isEqualTo(new Reframe("You always mess up", "Anyone would find that hard", "I did my best today"));
        assertThat(read.version()).isZero();
        assertThat(read.support()).isNull();
    }

    @Test
    void aChangeWithTheCurrentVersionIsSavedAndBumpsTheVersion() {
        String user = aUser();
        EntryView saved = create(user, anEntry("first words"));
        EntryRequest change = changed(new EntryRequest(null, BERLIN, "Later", "second words", 4, List.of("relieved"),
                List.of("work"), null, null, null), saved.version());

        EntryView updated = http.put().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user))
                .contentType(MediaType.APPLICATION_JSON).body(change).exchange()
                .expectStatus().isOk()
                .expectBody(EntryView.class).returnResult().getResponseBody();

        assertThat(updated.version()).isEqualTo(1);
        assertThat(read(user, saved.id()).body()).isEqualTo("second words");
        assertThat(read(user, saved.id()).localDateTime()).isEqualTo(saved.localDateTime());
    }

    @Test
    void aChangeBasedOnAStaleVersionIsAConflictAndChangesNothing() {
        String user = aUser();
        EntryView saved = create(user, anEntry("first words"));
        http.put().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(changed(anEntry("from the phone"), 0)).exchange().expectStatus().isOk();

        http.put().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(changed(anEntry("from the laptop, based on the old version"), 0)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(1);

        assertThat(read(user, saved.id()).body()).isEqualTo("from the phone");
    }

    @Test
    void aChangeWithoutAVersionIsABadRequest() {
        String user = aUser();
        EntryView saved = create(user, anEntry("first words"));

        http.put().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(anEntry("no version")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(user, saved.id()).body()).isEqualTo("first words");
    }

    @Test
    void deletingRemovesTheEntryFromReadsAndLists() {
        String user = aUser();
        EntryView saved = create(user, anEntry("to be deleted"));

        http.delete().uri("/api/journal/entries/{id}?version=0", saved.id()).headers(bearer(user)).exchange()
                .expectStatus().isNoContent();

        http.get().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).exchange().expectStatus().isNotFound();
        EntryPage page = http.get().uri("/api/journal/entries").headers(bearer(user)).exchange()
                .expectStatus().isOk().expectBody(EntryPage.class).returnResult().getResponseBody();
        assertThat(page.items()).isEmpty();
    }

    @Test
    void deletingWithAStaleVersionIsAConflict() {
        String user = aUser();
        EntryView saved = create(user, anEntry("words"));
        http.put().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(changed(anEntry("changed"), 0)).exchange().expectStatus().isOk();

        http.delete().uri("/api/journal/entries/{id}?version=0", saved.id()).headers(bearer(user)).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(read(user, saved.id()).body()).isEqualTo("changed");
    }

    @Test
    void anotherPersonCanNeitherChangeNorDeleteAnEntry() {
        String owner = aUser();
        String stranger = aUser();
        EntryView saved = create(owner, anEntry("mine"));

        http.put().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(stranger)).contentType(MediaType.APPLICATION_JSON)
                .body(changed(anEntry("theirs"), 0)).exchange().expectStatus().isNotFound();
        http.delete().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(stranger)).exchange()
                .expectStatus().isNotFound();
        assertThat(read(owner, saved.id()).body()).isEqualTo("mine");
    }

    @Test
    void aBodyOverTwentyThousandCharactersIsRefused() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(anEntry("x".repeat(20_001))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        assertThat(list(user)).isEmpty();
    }

    @Test
    void anUnknownEmotionIsRefused() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(null, BERLIN, null, "words", 3, List.of("calm", "flabbergasted"), null, null, null, null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat(field.toString()).startsWith("emotions"));
        assertThat(list(user)).isEmpty();
    }

    @Test
    void moreThanFiveTagsAreRefused() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(null, BERLIN, null, "words", 3, null, List.of("a", "b", "c", "d", "e", "f"), null, null, null))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(list(user)).isEmpty();
    }

    @Test
    void aLocalTimeThatDaylightSavingSkipsIsRefused() {
        String user = aUser();
        // On 29 March 2026 Berlin's clocks jumped from 02:00 to 03:00.
        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(LocalDateTime.parse("2026-03-29T02:30:00"), BERLIN, null, "words", 3, null, null, null, null, null))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("clocks moved forward"));
        assertThat(list(user)).isEmpty();
    }

    @Test
    void aLocalTimeInTheFutureIsRefused() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(LocalDateTime.now(ZoneId.of(BERLIN)).plusDays(2), BERLIN, null, "words", 3, null, null, null, null, null))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(list(user)).isEmpty();
    }

    @Test
    void aMalformedLocalTimeIsABadRequest() {
        String user = aUser();

        http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"localDateTime\":\"2026-02-30T10:00:00\",\"timeZone\":\"Europe/Berlin\",\"body\":\"words\",\"mood\":3}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(list(user)).isEmpty();
    }

    private EntryView create(String user, EntryRequest request) {
        return http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(request).exchange()
                .expectStatus().isCreated()
                .expectBody(EntryView.class).returnResult().getResponseBody();
    }

    private EntryView read(String user, String id) {
        return http.get().uri("/api/journal/entries/{id}", id).headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody(EntryView.class).returnResult().getResponseBody();
    }

    private List<EntryView> list(String user) {
        return http.get().uri("/api/journal/entries").headers(bearer(user)).exchange()
                .expectStatus().isOk().expectBody(EntryPage.class).returnResult().getResponseBody().items();
    }
}
