package org.mhconnect.journal.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aFullEntry;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.journal.entry.EntryFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A person can take everything away, as JSON or Markdown, and bring the JSON back. */
@JournalIntegrationTest
class ExportImportTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    @Test
    void aJsonExportImportedAfterEverythingWasDeletedRestoresTheWholeJournal() {
        String user = aUser();
        writeJournal(user);
        String exported = exportJson(user);
        JsonNode original = json.readTree(exported);
        original.get("entries").forEach(entry -> http.delete().uri("/api/journal/entries/{id}", entry.get("id").asString())
                .headers(bearer(user)).exchange().expectStatus().isNoContent());
        assertThat(json.readTree(exportJson(user)).get("entries").size()).isZero();

        http.post().uri("/api/journal/import").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(exported).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entriesImported").isEqualTo(3)
                .jsonPath("$.checkInsSkipped").isEqualTo(1)
                .jsonPath("$.practiceCompletionsSkipped").isEqualTo(1);

        assertThat(comparable(json.readTree(exportJson(user)), false)).isEqualTo(comparable(original, false));
    }

    @Test
    void aJsonExportImportedIntoAnotherAccountGivesItItsOwnCopy() {
        String before = aUser();
        writeJournal(before);
        String exported = exportJson(before);

        String after = aUser();
        http.post().uri("/api/journal/import").headers(bearer(after)).contentType(MediaType.APPLICATION_JSON)
                .body(exported).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entriesImported").isEqualTo(3)
                .jsonPath("$.checkInsImported").isEqualTo(1)
                .jsonPath("$.practiceCompletionsImported").isEqualTo(1);

        // The same journal, under entry ids of its own: the originals still belong to the first account.
        assertThat(comparable(json.readTree(exportJson(after)), true))
                .isEqualTo(comparable(json.readTree(exported), true));
        assertThat(comparable(json.readTree(exportJson(before)), false)).isEqualTo(comparable(json.readTree(exported), false));
    }

    @Test
    void importingTheSameExportTwiceChangesNothing() {
        String user = aUser();
        writeJournal(user);
        String exported = exportJson(user);

        http.post().uri("/api/journal/import").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(exported).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entriesImported").isEqualTo(0)
                .jsonPath("$.entriesSkipped").isEqualTo(3)
                .jsonPath("$.checkInsSkipped").isEqualTo(1);
        assertThat(json.readTree(exportJson(user)).get("entries").size()).isEqualTo(3);
    }

    @Test
    void importingTheSameExportTwiceIntoAnotherAccountAddsNothingTheSecondTime() {
        String source = aUser();
        writeJournal(source);
        String exported = exportJson(source);
        String target = aUser();
        importInto(target, exported).jsonPath("$.entriesImported").isEqualTo(3);

        importInto(target, exported)
                .jsonPath("$.entriesImported").isEqualTo(0)
                .jsonPath("$.entriesSkipped").isEqualTo(3)
                .jsonPath("$.checkInsImported").isEqualTo(0)
                .jsonPath("$.checkInsSkipped").isEqualTo(1)
                .jsonPath("$.practiceCompletionsImported").isEqualTo(0)
                .jsonPath("$.practiceCompletionsSkipped").isEqualTo(1);
        assertThat(json.readTree(exportJson(target)).get("entries").size()).isEqualTo(3);
    }

    @Test
    void anImportSentAgainWithTheSameKeyGivesTheFirstAnswer() {
        String source = aUser();
        writeJournal(source);
        String exported = exportJson(source);
        String target = aUser();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            http.post().uri("/api/journal/import").headers(bearer(target)).header(IdempotencyKey.HEADER, key)
                    .contentType(MediaType.APPLICATION_JSON).body(exported).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.entriesImported").isEqualTo(3).jsonPath("$.checkInsImported").isEqualTo(1);
        }
        http.post().uri("/api/journal/import").headers(bearer(target)).header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).body(exported.replace("\"entries\"", " \"entries\"")).exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void aLargeImportIsReadAsAStream() throws Exception {
        String user = aUser();
        // About 24 MB, generated while it is sent: 100 entries of nearly 20,000 characters (each one written costs
        // the suite time, so not more) and white space after them, which the body is read and parsed through too.
        HttpResponse<String> response = streamImport(user, new GeneratedExport(100, 19_800, 22L * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("entriesImported").asInt()).isEqualTo(100);
        http.get().uri("/api/journal/entries?size=1").headers(bearer(user)).exchange()
                .expectBody().jsonPath("$.items[0].body").value(body -> assertThat(body.toString()).startsWith("99 quiet"));
    }

    @Test
    void anImportLargerThan64MegabytesIsRefusedWhileItArrivesAndWritesNothing() throws Exception {
        String user = aUser();
        HttpResponse<String> response = streamImport(user, new GeneratedExport(3, 600, 64L * 1024 * 1024));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(json.readTree(exportJson(user)).get("entries").size()).isZero();
    }

    @Test
    void anImportWithOneBadEntryWritesNothingAtAll() {
        String source = aUser();
        writeJournal(source);
        ObjectNode exported = (ObjectNode) json.readTree(exportJson(source));
        ((ObjectNode) exported.get("entries").get(2)).put("mood", 9);

        String target = aUser();
        http.post().uri("/api/journal/import").headers(bearer(target)).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(exported)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).startsWith("entries[2].mood"));
        assertThat(json.readTree(exportJson(target)).get("entries").size()).isZero();
    }

    @Test
    void theExportCarriesPracticeCompletionsOldestFirst() {
        String user = aUser();
        Instant earlier = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        completePractice(user, earlier);
        completePractice(user, earlier.plus(Duration.ofDays(1)));

        JsonNode completions = json.readTree(exportJson(user)).get("practiceCompletions");

        assertThat(completions.size()).isEqualTo(2);
        assertThat(completions.get(0).get("completedAt").asString()).isEqualTo(earlier.toString());
        assertThat(completions.get(0).get("slug").asString()).isEqualTo("a-breathing-space");
        assertThat(completions.get(0).get("title").asString()).isEqualTo("A three-minute breathing space");
        assertThat(completions.get(0).get("timeZone").asString()).isEqualTo(EntryFixtures.BERLIN);
        assertThat(completions.get(0).has("localDate")).isTrue();
    }

    @Test
    void anImportWithACompletionStillToComeWritesNothingAtAll() {
        String source = aUser();
        writeJournal(source);
        ObjectNode exported = (ObjectNode) json.readTree(exportJson(source));
        ((ObjectNode) exported.get("practiceCompletions").get(0))
                .put("completedAt", Instant.now().plus(Duration.ofHours(1)).toString());

        String target = aUser();
        http.post().uri("/api/journal/import").headers(bearer(target)).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(exported)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("practiceCompletions[0]: 'completedAt' is in the future.");
        JsonNode after = json.readTree(exportJson(target));
        assertThat(after.get("entries").size()).isZero();
        assertThat(after.get("practiceCompletions").size()).isZero();
    }

    @Test
    void anExportWrittenBeforeCompletionsWereExportedStillImports() {
        String source = aUser();
        writeJournal(source);
        ObjectNode exported = (ObjectNode) json.readTree(exportJson(source));
        exported.remove("practiceCompletions");

        importInto(aUser(), json.writeValueAsString(exported))
                .jsonPath("$.entriesImported").isEqualTo(3)
                .jsonPath("$.practiceCompletionsImported").isEqualTo(0)
                .jsonPath("$.practiceCompletionsSkipped").isEqualTo(0);
    }

    @Test
    void anImportAnswerRememberedBeforeCompletionsWereImportedReadsWithNoneOfThem() {
        JournalImport.ImportResult remembered = json.readValue("""
                {"entriesImported":3,"entriesSkipped":0,"checkInsImported":1,"checkInsSkipped":0,"safetyPlanImported":false}""",
                JournalImport.ImportResult.class);

        assertThat(remembered).isEqualTo(new JournalImport.ImportResult(3, 0, 1, 0, 0, 0, false));
    }

    @Test
    void anExportCutOffInTheMiddleIsRefusedAndWritesNothing() {
        String source = aUser();
        writeJournal(source);
        String exported = exportJson(source);
        String cut = exported.substring(0, exported.indexOf("\"checkIns\""));

        String target = aUser();
        http.post().uri("/api/journal/import").headers(bearer(target)).contentType(MediaType.APPLICATION_JSON)
                .body(cut).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(exportJson(target)).get("entries").size()).isZero();
    }

    @Test
    void somethingThatIsNotAnExportIsRefused() {
        http.post().uri("/api/journal/import").headers(bearer(aUser())).contentType(MediaType.APPLICATION_JSON)
                .body("{\"format\":\"something-else\",\"version\":1,\"entries\":[]}").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void theMarkdownExportIsAZipWithAFilePerEntryAndTheCheckIns() throws Exception {
        String user = aUser();
        writeJournal(user);

        byte[] zip = http.get().uri("/api/journal/export?format=markdown").headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/zip")
                .expectHeader().value("Content-Disposition", value -> assertThat(value).startsWith("attachment").contains(".zip"))
                .expectBody(byte[].class).returnResult().getResponseBody();

        List<String> names = new ArrayList<>();
        String firstEntry = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (firstEntry == null && entry.getName().startsWith("entries/")) {
                    firstEntry = text;
                }
            }
        }
        assertThat(names).contains("README.md", "check-ins.md", "practices.md").filteredOn(name -> name.startsWith("entries/")).hasSize(3);
        assertThat(firstEntry).startsWith("---\n").contains("mood: 4").contains("# A title about the day")
                .contains("### What my inner critic said");
    }

    @Test
    void anUnknownExportFormatIsABadRequest() {
        http.get().uri("/api/journal/export?format=pdf").headers(bearer(aUser())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec importInto(String user, String export) {
        return http.post().uri("/api/journal/import").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(export).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    /** Sends a body chunked, as it is read, without a Content-Length. */
    private HttpResponse<String> streamImport(String user, java.io.InputStream body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        bearer(user).accept(headers);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journal/import"))
                    .header("Authorization", headers.getFirst(HttpHeaders.AUTHORIZATION))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private void writeJournal(String user) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of(EntryFixtures.BERLIN)).withNano(0);
        for (int i = 0; i < 3; i++) {
            http.post().uri("/api/journal/entries").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                    .body(aFullEntry(now.minusDays(40L * i), 2 + i, List.of("calm"), List.of("tag " + i), i == 0 ? "a-body-scan" : null))
                    .exchange().expectStatus().isCreated();
        }
        http.post().uri("/api/journal/checkins").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("answers", List.of(4, 2, 3, 5, 1, 2, 4, 3, 2, 5, 4, 1))).exchange().expectStatus().isCreated();
        completePractice(user, Instant.now().minus(Duration.ofDays(2)));
    }

    private void completePractice(String user, Instant completedAt) {
        http.post().uri("/api/journal/practices/completions").headers(bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("slug", "a-breathing-space", "title", "A three-minute breathing space",
                        "completedAt", completedAt.toString(), "timeZone", EntryFixtures.BERLIN))
                .exchange().expectStatus().isCreated();
    }

    private String exportJson(String user) {
        return http.get().uri("/api/journal/export?format=json").headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** An export without the moments of export and restore; without entry ids too, when asked. */
    private static JsonNode comparable(JsonNode export, boolean withoutEntryIds) {
        ObjectNode copy = ((ObjectNode) export).deepCopy();
        copy.remove("exportedAt");
        copy.get("entries").forEach(entry -> {
            ((ObjectNode) entry).remove("updatedAt");
            if (withoutEntryIds) {
                ((ObjectNode) entry).remove("id");
            }
        });
        return copy;
    }
}
