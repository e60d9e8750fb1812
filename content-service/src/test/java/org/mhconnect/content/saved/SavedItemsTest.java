package org.mhconnect.content.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Each person keeps their own list of saved items. */
@ContentIntegrationTest
class SavedItemsTest {

    @Autowired
    RestTestClient http;

    @Test
    void savedItemsAreListedMostRecentFirstAndSavingTwiceChangesNothing() {
        String person = UUID.randomUUID().toString();
        save(person, "a-breathing-space");
        // The second save must carry a later moment than the first, which is kept to the millisecond.
        Instant first = Instant.now();
        await().until(() -> Instant.now().toEpochMilli() > first.toEpochMilli());
        save(person, "what-self-compassion-is");
        save(person, "what-self-compassion-is");

        assertThat(slugs(person)).containsExactly("what-self-compassion-is", "a-breathing-space");
    }

    @Test
    void aRemovedItemIsNoLongerListed() {
        String person = UUID.randomUUID().toString();
        save(person, "a-breathing-space");

        http.delete().uri("/api/content/saved/{slug}", "a-breathing-space").headers(bearer(person)).exchange()
                .expectStatus().isNoContent();
        http.delete().uri("/api/content/saved/{slug}", "a-breathing-space").headers(bearer(person)).exchange()
                .expectStatus().isNoContent();

        assertThat(slugs(person)).isEmpty();
    }

    @Test
    void everyPersonSeesOnlyTheirOwnList() {
        String ada = UUID.randomUUID().toString();
        save(ada, "a-breathing-space");

        assertThat(slugs(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void anUnknownItemCannotBeSavedAndTheListNeedsAToken() {
        String person = UUID.randomUUID().toString();
        http.put().uri("/api/content/saved/{slug}", "no-such-item").headers(bearer(person)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/content/saved").exchange().expectStatus().isUnauthorized();
        assertThat(slugs(person)).isEmpty();
    }

    private void save(String person, String slug) {
        http.put().uri("/api/content/saved/{slug}", slug).headers(bearer(person)).exchange().expectStatus().isNoContent();
    }

    private List<String> slugs(String person) {
        return http.get().uri("/api/content/saved").headers(bearer(person)).exchange()
                .expectStatus().isOk()
                .expectBody(SavedListProbe.class).returnResult().getResponseBody()
                .items().stream().map(SavedListProbe.Item::slug).toList();
    }

    private static Consumer<HttpHeaders> bearer(String userId) {
        return headers -> headers.setBearerAuth(TestTokens.get().accessToken(userId));
    }

    record SavedListProbe(List<Item> items) {
        record Item(String slug, String type, String title, String summary, List<String> topics, int minutes,
                java.time.Instant publishedAt) {
        }
    }
}
