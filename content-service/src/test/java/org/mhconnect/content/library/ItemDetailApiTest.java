package org.mhconnect.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Reading one item: its body rendered to safe HTML, cacheable with an ETag, and clear problems for bad slugs. */
@ContentIntegrationTest
class ItemDetailApiTest {

    static final String SLUG = "a-breathing-space";

    @Autowired
    RestTestClient http;

    @Test
    void anItemComesWithItsMarkdownAndSafeHtml() {
        ItemDetail item = http.get().uri("/api/content/items/{slug}", SLUG).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=300").contains("public"))
                .expectHeader().exists("ETag")
                .expectBody(ItemDetail.class).returnResult().getResponseBody();

        assertThat(item.slug()).isEqualTo(SLUG);
        assertThat(item.body()).contains("**Arrive.**");
        assertThat(item.bodyHtml()).contains("<strong>Arrive.</strong>").contains("<ol>").doesNotContain("**");
        assertThat(item.habits()).contains("mindfulness");
        assertThat(item.steps()).hasSize(3).allSatisfy(step -> assertThat(step.seconds()).isEqualTo(60));
        assertThat(item.author()).isNotBlank();
        assertThat(item.related()).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .extracting(ItemDetail.Related::slug).doesNotContain(SLUG);
    }

    @Test
    void askingAgainWithItsETagAnswersNotModified() {
        String etag = http.get().uri("/api/content/items/{slug}", SLUG).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseHeaders().getETag();

        http.get().uri("/api/content/items/{slug}", SLUG).header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified();
        http.get().uri("/api/content/items/{slug}", SLUG).header("If-None-Match", "\"something-else\"").exchange()
                .expectStatus().isOk();
    }

    @Test
    void anUnknownSlugIsNotFound() {
        http.get().uri("/api/content/items/{slug}", "no-such-item").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Item not found");
    }

    @Test
    void aMalformedSlugIsABadRequest() {
        http.get().uri("/api/content/items/{slug}", "Not A Slug!").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
