package org.mhconnect.content.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.events.Topics;
import org.mhconnect.testsupport.TestTokens;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Editors draft, edit, preview, publish (now or later) and withdraw. Readers see only what is published, search
 * follows every change, and every change readers can see goes out on Kafka.
 */
@ContentIntegrationTest
class EditorWorkflowTest {

    @Autowired
    RestTestClient http;

    TopicProbe contentTopic;
    final String editor = UUID.randomUUID().toString();

    @BeforeEach
    void listen() {
        contentTopic = new TopicProbe(Topics.CONTENT);
    }

    @AfterEach
    void stopListening() {
        contentTopic.close();
    }

    @Test
    void aDraftIsInvisibleToReadersUntilItIsPublished() {
        String slug = uniqueSlug();
        Map<String, Object> created = create(article(slug, "Resting without earning it"));
        assertThat(created).containsEntry("status", "draft").containsEntry("version", 0);
        assertThat(created.get("bodyHtml").toString()).contains("<strong>");

        http.get().uri("/api/content/items/{slug}", slug).exchange().expectStatus().isNotFound();
        assertThat(searchSlugs("earning")).doesNotContain(slug);

        Map<String, Object> published = post("/api/content/editor/items/{slug}/publish", slug, Map.of("version", 0));
        assertThat(published).containsEntry("status", "published").containsEntry("version", 1);

        http.get().uri("/api/content/items/{slug}", slug).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Resting without earning it");
        assertThat(searchSlugs("earning")).contains(slug);
        ConsumerRecord<String, String> event = awaitEvent(slug, "content.published");
        assertThat(event.value()).contains("\"version\":1").doesNotContain("permission to rest");
    }

    @Test
    void aPublicationGoesOutOnKafkaInTheTraceOfTheEditorsRequest() {
        String slug = uniqueSlug();
        create(article(slug, "Breathing room"));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        http.post().uri("/api/content/editor/items/{slug}/publish", slug).headers(as(editor, "USER", "EDITOR"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", 0)).exchange().expectStatus().isOk();

        ConsumerRecord<String, String> event = awaitEvent(slug, "content.published");
        assertThat(TopicProbe.header(event, "ce_traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void anEditToAPublishedItemReachesReadersSearchAndKafka() {
        String slug = publishedArticle("Small steps count");

        Map<String, Object> draft = article(slug, "Small steps are enough");
        draft.put("version", 1);
        Map<String, Object> edited = put(slug, draft);
        assertThat(edited).containsEntry("version", 2).containsEntry("status", "published");

        http.get().uri("/api/content/items/{slug}", slug).exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Small steps are enough");
        assertThat(searchSlugs("enough")).contains(slug);
        assertThat(awaitEvent(slug, "content.updated").value()).contains("Small steps are enough");
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentOneAndChangesNothing() {
        String slug = publishedArticle("Kind words first");
        Map<String, Object> draft = article(slug, "Someone else's change");
        draft.put("version", 0);

        http.put().uri("/api/content/editor/items/{slug}", slug).headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).body(draft).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(1);

        http.get().uri("/api/content/items/{slug}", slug).exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Kind words first");
    }

    @Test
    void aWithdrawnItemLeavesTheLibraryAndTheSearch() {
        String slug = publishedArticle("A quiet evening");

        Map<String, Object> withdrawn = post("/api/content/editor/items/{slug}/withdraw", slug, Map.of("version", 1));
        assertThat(withdrawn).containsEntry("status", "withdrawn");

        http.get().uri("/api/content/items/{slug}", slug).exchange().expectStatus().isNotFound();
        assertThat(searchSlugs("quiet evening")).doesNotContain(slug);
        assertThat(awaitEvent(slug, "content.withdrawn").value()).contains(slug);
    }

    @Test
    void aScheduledItemIsPublishedWhenItsTimeComesAndNotBefore() {
        String slug = uniqueSlug();
        create(article(slug, "Morning gentleness"));
        Instant at = Instant.now().plusSeconds(3);

        Map<String, Object> scheduled = post("/api/content/editor/items/{slug}/publish", slug,
                Map.of("version", 0, "at", at.toString()));
        assertThat(scheduled).containsEntry("status", "scheduled");
        http.get().uri("/api/content/items/{slug}", slug).exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/content/items/{slug}", slug).exchange().expectStatus().isOk());
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        assertThat(awaitEvent(slug, "content.published")).isNotNull();
        assertThat(searchSlugs("gentleness")).contains(slug);
        assertThat(events(slug, "content.published")).hasSize(1);
    }

    @Test
    void onlyEditorsMayWrite() {
        String slug = uniqueSlug();
        http.post().uri("/api/content/editor/items").headers(as(UUID.randomUUID().toString(), "USER"))
                .contentType(MediaType.APPLICATION_JSON).body(article(slug, "Not mine to write")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/content/editor/items").contentType(MediaType.APPLICATION_JSON)
                .body(article(slug, "Not mine to write")).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/content/editor/items/{slug}", slug).headers(as(editor, "USER", "EDITOR")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aBodyOver100KilobytesIsRefusedClearly() {
        String slug = uniqueSlug();
        Map<String, Object> draft = article(slug, "Far too long");
        draft.put("body", "a".repeat(100 * 1024 + 1));

        http.post().uri("/api/content/editor/items").headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).body(draft).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("100 KB"));
        http.get().uri("/api/content/editor/items/{slug}", slug).headers(as(editor, "USER", "EDITOR")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void draftsThatNeedAnotherLookAreRefused() {
        Map<String, Object> practiceWithoutSteps = article(uniqueSlug(), "Breathe");
        practiceWithoutSteps.put("type", "practice");
        Map<String, Object> unknownHabit = article(uniqueSlug(), "Habits");
        unknownHabit.put("habits", List.of("perfectionism"));
        Map<String, Object> noTitle = article(uniqueSlug(), " ");
        Map<String, Object> reversedTitle = article(uniqueSlug(), "Rest \u202Etxt.exe");
        Map<String, Object> twoLineTitle = article(uniqueSlug(), "Rest\r\nSet-Cookie: x");
        Map<String, Object> bodyWithEscape = article(uniqueSlug(), "Escape");
        bodyWithEscape.put("body", "Colours \u001B[31mred");
        Map<String, Object> minutesAsText = article(uniqueSlug(), "Minutes");
        minutesAsText.put("minutes", "5");

        for (Map<String, Object> draft : List.of(practiceWithoutSteps, unknownHabit, noTitle, reversedTitle, twoLineTitle,
                bodyWithEscape, minutesAsText)) {
            http.post().uri("/api/content/editor/items").headers(as(editor, "USER", "EDITOR"))
                    .contentType(MediaType.APPLICATION_JSON).body(draft).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri("/api/content/editor/items/{slug}", draft.get("slug")).headers(as(editor, "USER", "EDITOR"))
                    .exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void aSlugCannotBeTakenTwiceAndIsMadeFromTheTitleWhenLeftOut() {
        Map<String, Object> draft = article(null, "Être doux avec soi: " + UUID.randomUUID().toString().substring(0, 8));
        draft.remove("slug");
        Map<String, Object> created = create(draft);
        assertThat(created.get("slug").toString()).startsWith("etre-doux-avec-soi-");

        http.post().uri("/api/content/editor/items").headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).body(article(created.get("slug").toString(), "Again")).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aPracticeTakesItsDurationFromItsTimers() {
        Map<String, Object> practice = article(uniqueSlug(), "Three breaths");
        practice.put("type", "practice");
        practice.put("steps", List.of(Map.of("text", "Breathe in slowly.", "seconds", 60),
                Map.of("text", "Breathe out longer than you breathed in.", "seconds", 90), Map.of("text", "Notice.")));

        assertThat(create(practice)).containsEntry("minutes", 3);
    }

    @Test
    void previewRendersMarkdownSafelyAndStoresNothing() {
        http.post().uri("/api/content/editor/preview").headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "# Hello\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyHtml").value(html -> assertThat(html.toString())
                        .contains("<h1>Hello</h1>").doesNotContain("<script").doesNotContain("href=\"javascript")
                        .doesNotContain("<img"));
    }

    @Test
    void editorsSeeEveryStateInTheirList() {
        String slug = uniqueSlug();
        create(article(slug, "Still a draft"));

        http.get().uri("/api/content/editor/items?status=draft&size=100").headers(as(editor, "USER", "EDITOR")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.slug == '" + slug + "')].status").isEqualTo(List.of("draft"));
        http.get().uri("/api/content/editor/items?status=lost").headers(as(editor, "USER", "EDITOR")).exchange()
                .expectStatus().isBadRequest();
    }

    private String publishedArticle(String title) {
        String slug = uniqueSlug();
        create(article(slug, title));
        post("/api/content/editor/items/{slug}/publish", slug, Map.of("version", 0));
        return slug;
    }

    private static String uniqueSlug() {
        return "editor-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> article(String slug, String title) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("slug", slug);
        draft.put("type", "article");
        draft.put("title", title);
        draft.put("summary", "A short piece for a hard day.");
        draft.put("body", "You have **permission to rest**, even before the work is done.");
        draft.put("topics", List.of("rest"));
        draft.put("habits", List.of("self-care"));
        return draft;
    }

    private Map<String, Object> create(Map<String, Object> draft) {
        return http.post().uri("/api/content/editor/items").headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).body(draft).exchange()
                .expectStatus().isCreated()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> put(String slug, Map<String, Object> draft) {
        return http.put().uri("/api/content/editor/items/{slug}", slug).headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).body(draft).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> post(String path, String slug, Map<String, Object> body) {
        return http.post().uri(path, slug).headers(as(editor, "USER", "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private List<String> searchSlugs(String query) {
        return http.get().uri("/api/content/search?q={q}&size=50", query).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody()
                .entrySet().stream().filter(entry -> entry.getKey().equals("items"))
                .flatMap(entry -> ((List<?>) entry.getValue()).stream())
                .map(item -> ((Map<?, ?>) item).get("slug").toString())
                .toList();
    }

    private ConsumerRecord<String, String> awaitEvent(String slug, String type) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(slug, type).isEmpty());
        ConsumerRecord<String, String> event = events(slug, type).getFirst();
        assertThat(event.key()).isEqualTo(slug);
        return event;
    }

    private List<ConsumerRecord<String, String>> events(String slug, String type) {
        return contentTopic.records().stream()
                .filter(record -> slug.equals(record.key()))
                .filter(record -> type.equals(TopicProbe.header(record, "ce_type")))
                .toList();
    }

    private static Consumer<HttpHeaders> as(String user, String... roles) {
        return headers -> headers.setBearerAuth(TestTokens.get().accessToken(user, roles));
    }

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON_MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };
}
