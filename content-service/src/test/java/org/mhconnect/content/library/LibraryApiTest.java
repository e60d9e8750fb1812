package org.mhconnect.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ContentIntegrationTest
class LibraryApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void listsThePublishedLibraryFromMongoDb() {
        ItemPage page = http.get().uri("/api/content/items?size=50").exchange()
                .expectStatus().isOk()
                .expectBody(ItemPage.class).returnResult().getResponseBody();

        assertThat(page.total()).isGreaterThanOrEqualTo(LibraryFixtures.SEEDED_SLUGS.size());
        assertThat(page.items()).extracting(ItemSummary::slug).containsAll(LibraryFixtures.SEEDED_SLUGS);
        assertThat(page.items()).allSatisfy(item -> assertThat(item.title()).isNotBlank());
    }

    @Test
    void aListingIsCacheableAndAnsweredWith304WhileItsETagMatches() {
        String etag = http.get().uri("/api/content/items?size=5").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=300").contains("public"))
                .expectBody(String.class).returnResult().getResponseHeaders().getETag();

        http.get().uri("/api/content/items?size=5").header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified();
        http.get().uri("/api/content/items?size=6").header("If-None-Match", etag).exchange()
                .expectStatus().isOk();
    }

    @Test
    void filtersByTypeAndTopic() {
        ItemPage practices = http.get().uri("/api/content/items?type=practice&topic=mindfulness").exchange()
                .expectStatus().isOk()
                .expectBody(ItemPage.class).returnResult().getResponseBody();

        assertThat(practices.items()).isNotEmpty().allSatisfy(item -> {
            assertThat(item.type()).isEqualTo("practice");
            assertThat(item.topics()).contains("mindfulness");
        });
    }

    @Test
    void filtersByHabitSoACheckInCanSuggestAMatchingPractice() {
        List<String> slugs = http.get().uri("/api/content/items?type=practice&habit=challenge-negative-self-talk").exchange()
                .expectStatus().isOk()
                .expectBody(ItemPage.class).returnResult().getResponseBody()
                .items().stream().map(ItemSummary::slug).toList();

        assertThat(slugs).contains("reframing-the-inner-critic").doesNotContain("a-breathing-space", "a-body-scan");
        http.get().uri("/api/content/items?habit=gardening").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("habit");
    }

    @Test
    void pagesThroughTheLibraryWithoutRepeatingAnItem() {
        ItemPage first = http.get().uri("/api/content/items?size=2&page=0").exchange()
                .expectBody(ItemPage.class).returnResult().getResponseBody();
        ItemPage second = http.get().uri("/api/content/items?size=2&page=1").exchange()
                .expectBody(ItemPage.class).returnResult().getResponseBody();

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).extracting(ItemSummary::slug)
                .doesNotContainAnyElementsOf(first.items().stream().map(ItemSummary::slug).toList());
    }

    @Test
    void answersAnUnknownTypeWithAProblemNamingTheParameter() {
        http.get().uri("/api/content/items?type=video").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("type");
    }

    @Test
    void refusesAPageSizeBeyondFifty() {
        http.get().uri("/api/content/items?size=500").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void listsNothingButPublishedItems() {
        mongo.save(new ContentItemDocument(LibraryFixtures.DRAFT_SLUG, ContentType.ARTICLE, "Draft", "Not yet",
                "Body", List.of("self-compassion"), List.of("self-care"), 2, "An editor", List.of(),
                ContentItemDocument.ContentStatus.DRAFT, Instant.now(), null, null, null, List.of(), null));

        List<String> slugs = http.get().uri("/api/content/items?size=50").exchange()
                .expectBody(ItemPage.class).returnResult().getResponseBody()
                .items().stream().map(ItemSummary::slug).toList();

        assertThat(slugs).doesNotContain(LibraryFixtures.DRAFT_SLUG);
    }
}
