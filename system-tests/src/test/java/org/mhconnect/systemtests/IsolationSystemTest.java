package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;
import static org.mhconnect.systemtests.People.get;
import static org.mhconnect.systemtests.People.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;
import tools.jackson.databind.JsonNode;

/**
 * One person can never see or touch another's data. Every endpoint of every service is listed here, either as
 * user-owned (with a check that another person gets 404 or sees nothing) or as not user-owned. A new endpoint
 * that is in neither list fails {@link #everyEndpointOfEveryServiceIsInTheMatrix()}.
 */
class IsolationSystemTest {

    /** Endpoints whose data belongs to the caller. Each is checked below with two people. */
    static final Set<String> USER_OWNED = Set.of(
            "POST /api/journal/entries",
            "GET /api/journal/entries",
            "GET /api/journal/entries/{id}",
            "PUT /api/journal/entries/{id}",
            "DELETE /api/journal/entries/{id}",
            "POST /api/journal/checkins",
            "GET /api/journal/checkins",
            "GET /api/journal/checkins/{id}",
            "POST /api/journal/practices/completions",
            "GET /api/journal/practices/completions",
            "GET /api/journal/practices/completions/{id}",
            "GET /api/journal/insights",
            "GET /api/journal/export",
            "POST /api/journal/import",
            "GET /api/journal/safety-plan",
            "PUT /api/journal/safety-plan",
            "DELETE /api/journal/safety-plan",
            "GET /api/reminders/journaled-days",
            "PUT /api/content/items/{slug}/reaction",
            "DELETE /api/content/items/{slug}/reaction",
            "GET /api/content/items/{slug}/reactions",
            "GET /api/content/saved",
            "PUT /api/content/saved/{slug}",
            "DELETE /api/content/saved/{slug}",
            "POST /api/reminders",
            "GET /api/reminders",
            "GET /api/reminders/{id}",
            "PUT /api/reminders/{id}",
            "DELETE /api/reminders/{id}",
            "POST /api/reminders/{id}/stop",
            "POST /api/reminders/{id}/resume",
            "POST /api/reminders/{id}/skip-next",
            "POST /api/reminders/{id}/snooze",
            "GET /api/reminders/{id}/occurrences",
            "GET /api/reminders/{id}/deliveries",
            "GET /api/notifications/preferences",
            "PUT /api/notifications/preferences",
            "PUT /api/notifications/webhook",
            "DELETE /api/notifications/webhook",
            "POST /api/notifications/webhook/rotate",
            "POST /api/notifications/webhook/test",
            "GET /api/notifications/inbox",
            "POST /api/notifications/inbox/{id}/read",
            "POST /api/notifications/inbox/read-all",
            "GET /api/notifications/stream",
            "PUT /api/notifications/push/subscriptions",
            "DELETE /api/notifications/push/subscriptions");

    /** Endpoints that hold nobody's private data. */
    static final Set<String> NOT_USER_OWNED = Set.of(
            "GET /api/content/items",
            "GET /api/content/items/{slug}",
            "GET /api/content/search",
            "GET /api/content/recommendations",
            "GET /api/content/support",
            "GET /api/journal/emotions",
            "GET /api/journal/checkins/questions",
            // The editor's desk: shared library content, for role EDITOR only (see ordinaryPeopleCannotEditTheLibrary).
            "GET /api/content/editor/items",
            "POST /api/content/editor/items",
            "GET /api/content/editor/items/{slug}",
            "PUT /api/content/editor/items/{slug}",
            "POST /api/content/editor/items/{slug}/publish",
            "POST /api/content/editor/items/{slug}/withdraw",
            "POST /api/content/editor/preview",
            // Computes occurrences of a schedule that is not stored.
            "POST /api/reminders/preview",
            // One-click links: the signed link names its person and is the only proof needed.
            "GET /api/notifications/actions/{token}",
            "POST /api/notifications/actions/{token}",
            // Health status on the public port (details only on the management port): the same for everyone.
            "GET /actuator/health",
            "GET /actuator/health/{group}",
            // The service's VAPID public key: the same for everyone.
            "GET /api/notifications/push/public-key");

    static final List<String> SERVICES = List.of("content-service", "journal-service", "reminder-service");

    static RunningSystem system;
    static Person ada;
    static Person bea;
    static String adasEntry;
    static String adasDay;

    @BeforeAll
    static void twoPeopleAndAdasEntry() throws Exception {
        system = RunningSystem.shared();
        ada = People.signUpAndSignIn(system.gateway());
        bea = People.signUpAndSignIn(system.gateway());
        HttpResponse<String> created = post(system.gateway() + "/api/journal/entries", ada,
                "{\"body\":\"Only mine.\",\"mood\":2,\"timeZone\":\"Europe/Berlin\"}");
        JsonNode entry = JSON.readTree(created.body());
        adasEntry = entry.get("id").asString();
        adasDay = entry.get("localDateTime").asString().substring(0, 10);
    }

    @Test
    void everyEndpointOfEveryServiceIsInTheMatrix() throws Exception {
        Set<String> unclassified = new TreeSet<>();
        for (String service : SERVICES) {
            JsonNode paths = JSON.readTree(get(system.direct(service) + "/v3/api-docs", null).body()).get("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (String method : path.getValue().propertyNames()) {
                    String endpoint = method.toUpperCase() + " " + path.getKey();
                    if (!USER_OWNED.contains(endpoint) && !NOT_USER_OWNED.contains(endpoint)) {
                        unclassified.add(endpoint);
                    }
                }
            }
        }
        assertThat(unclassified).as("endpoints missing from the isolation matrix in " + getClass().getSimpleName())
                .isEmpty();
    }

    @Test
    void ordinaryPeopleCannotEditTheLibrary() throws Exception {
        HttpResponse<String> created = post(system.gateway() + "/api/content/editor/items", ada,
                "{\"slug\":\"adas-article\",\"type\":\"article\",\"title\":\"Mine\",\"body\":\"Text\"}");
        HttpResponse<String> listed = get(system.gateway() + "/api/content/editor/items", ada);

        assertThat(created.statusCode()).isEqualTo(403);
        assertThat(listed.statusCode()).isEqualTo(403);
        assertThat(get(system.gateway() + "/api/content/items/adas-article", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherPersonsEntryIsNotFound() throws Exception {
        HttpResponse<String> asBea = get(system.gateway() + "/api/journal/entries/" + adasEntry, bea);
        HttpResponse<String> asAda = get(system.gateway() + "/api/journal/entries/" + adasEntry, ada);

        assertThat(asBea.statusCode()).isEqualTo(404);
        assertThat(asBea.body()).doesNotContain("Only mine.");
        assertThat(asAda.statusCode()).isEqualTo(200);
    }

    @Test
    void anotherPersonCanNeitherChangeNorDeleteAnEntry() throws Exception {
        HttpResponse<String> changed = send("PUT", "/api/journal/entries/" + adasEntry, bea,
                "{\"body\":\"Bea was here\",\"mood\":5,\"timeZone\":\"Europe/Berlin\",\"version\":0}");
        HttpResponse<String> deleted = send("DELETE", "/api/journal/entries/" + adasEntry, bea, null);

        assertThat(changed.statusCode()).isEqualTo(404);
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(get(system.gateway() + "/api/journal/entries/" + adasEntry, ada).body()).contains("Only mine.");
    }

    @Test
    void listsInsightsCheckInsAndExportsHoldOnlyTheCallersOwnData() throws Exception {
        String checkIn = JSON.readTree(post(system.gateway() + "/api/journal/checkins", ada,
                "{\"answers\":[3,3,3,3,3,3,3,3,3,3,3,3]}").body()).get("id").asString();
        assertThat(get(system.gateway() + "/api/journal/checkins/" + checkIn, bea).statusCode()).isEqualTo(404);
        assertThat(get(system.gateway() + "/api/journal/checkins/" + checkIn, ada).statusCode()).isEqualTo(200);
        String practice = JSON.readTree(post(system.gateway() + "/api/journal/practices/completions", ada,
                "{\"slug\":\"a-body-scan\",\"title\":\"A body scan\",\"completedAt\":\"" + java.time.Instant.now() + "\"}")
                .body()).get("id").asString();
        assertThat(get(system.gateway() + "/api/journal/practices/completions/" + practice, bea).statusCode()).isEqualTo(404);
        assertThat(get(system.gateway() + "/api/journal/practices/completions/" + practice, ada).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get(system.gateway() + "/api/journal/practices/completions", bea).body()).get("items").size()).isZero();

        assertThat(get(system.gateway() + "/api/journal/entries", ada).body()).contains(adasEntry);
        assertThat(get(system.gateway() + "/api/journal/entries", bea).body()).doesNotContain(adasEntry);
        assertThat(get(system.gateway() + "/api/journal/export?format=json", bea).body()).doesNotContain("Only mine.");
        assertThat(JSON.readTree(get(system.gateway() + "/api/journal/insights", bea).body()).get("entries").asInt()).isZero();
        assertThat(JSON.readTree(get(system.gateway() + "/api/journal/checkins", bea).body()).get("items").size()).isZero();
        assertThat(JSON.readTree(get(system.gateway() + "/api/journal/checkins", ada).body()).get("items").size()).isOne();
    }

    @Test
    void importingAnotherPersonsEntryIdGivesTheImporterTheirOwnCopy() throws Exception {
        Person cleo = People.signUpAndSignIn(system.gateway());
        String export = get(system.gateway() + "/api/journal/export?format=json", ada).body();

        HttpResponse<String> imported = post(system.gateway() + "/api/journal/import", cleo, export);

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(get(system.gateway() + "/api/journal/entries", cleo).body()).contains("Only mine.").doesNotContain(adasEntry);
        assertThat(get(system.gateway() + "/api/journal/entries/" + adasEntry, cleo).statusCode()).isEqualTo(404);
        assertThat(get(system.gateway() + "/api/journal/entries/" + adasEntry, ada).statusCode()).isEqualTo(200);
    }

    @Test
    void savedItemsAndReactionsAreEachPersonsOwn() throws Exception {
        assertThat(send("PUT", "/api/content/saved/a-breathing-space", ada, null).statusCode()).isEqualTo(204);
        assertThat(send("PUT", "/api/content/items/a-breathing-space/reaction", ada, "{\"reaction\":\"calming\"}")
                .statusCode()).isEqualTo(200);

        assertThat(get(system.gateway() + "/api/content/saved", ada).body()).contains("a-breathing-space");
        assertThat(get(system.gateway() + "/api/content/saved", bea).body()).doesNotContain("a-breathing-space");
        assertThat(JSON.readTree(get(system.gateway() + "/api/content/items/a-breathing-space/reactions", ada).body())
                .get("mine").asString()).isEqualTo("calming");
        assertThat(JSON.readTree(get(system.gateway() + "/api/content/items/a-breathing-space/reactions", bea).body())
                .has("mine")).isFalse();
        // Bea removing "her" reaction cannot touch Ada's.
        send("DELETE", "/api/content/items/a-breathing-space/reaction", bea, null);
        assertThat(JSON.readTree(get(system.gateway() + "/api/content/items/a-breathing-space/reactions", ada).body())
                .get("mine").asString()).isEqualTo("calming");
    }

    @Test
    void anotherPersonsReminderIsNotFoundAndNotListed() throws Exception {
        HttpResponse<String> created = post(system.gateway() + "/api/reminders", ada,
                "{\"kind\":\"journal\",\"title\":\"Ada's evening\",\"channels\":[\"inbox\"],"
                        + "\"schedule\":{\"times\":[\"21:00\"],\"timeZone\":\"Europe/Berlin\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        String reminder = JSON.readTree(created.body()).get("id").asString();

        for (String path : List.of("", "/occurrences", "/deliveries")) {
            assertThat(get(system.gateway() + "/api/reminders/" + reminder + path, bea).statusCode()).isEqualTo(404);
            assertThat(get(system.gateway() + "/api/reminders/" + reminder + path, ada).statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", "/api/reminders/" + reminder + "/stop", bea, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/reminders/" + reminder, bea, null).statusCode()).isEqualTo(404);
        assertThat(get(system.gateway() + "/api/reminders", bea).body()).doesNotContain(reminder);
        assertThat(get(system.gateway() + "/api/reminders", ada).body()).contains(reminder);
        assertThat(get(system.gateway() + "/api/notifications/inbox", bea).body()).doesNotContain("Ada's evening");
    }

    @Test
    void anEntryIsAlwaysWrittenForTheTokensSubject() throws Exception {
        HttpResponse<String> smuggled = post(system.gateway() + "/api/journal/entries", bea,
                "{\"body\":\"x\",\"mood\":2,\"timeZone\":\"Europe/Berlin\",\"userId\":\"" + ada.id() + "\"}");

        assertThat(smuggled.statusCode()).isEqualTo(400);
    }

    @Test
    void nobodySeesAnotherPersonsJournaledDays() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(days(ada)).contains(adasDay));

        assertThat(days(bea)).doesNotContain(adasDay);
    }

    private static HttpResponse<String> send(String method, String path, Person person, String json) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(system.gateway() + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + person.accessToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        return People.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> days(Person person) throws Exception {
        HttpResponse<String> response = get(system.gateway() + "/api/reminders/journaled-days", person);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> days = new ArrayList<>();
        JSON.readTree(response.body()).valueStream().forEach(day -> days.add(day.get("date").asString()));
        return days;
    }
}
