package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as real processes: devstack plus the four services, driven over HTTP through the gateway.
 * The last test stops a service, so the order matters.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonSystemTest {

    static RunningSystem system;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.start();
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void theLibraryComesFromMongoDbThroughTheGateway() throws Exception {
        HttpResponse<String> response = get("/api/content/items?type=practice");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").valueStream().map(item -> item.get("type").asString())).containsOnly("practice");
    }

    @Test
    @Order(2)
    void aJournalEntryReachesReminderServiceThroughKafka() throws Exception {
        String user = UUID.randomUUID().toString();
        HttpResponse<String> created = post("/api/journal/entries", user,
                "{\"body\":\"I made a mistake at work and I was gentle with myself.\",\"mood\":3,"
                        + "\"emotions\":[\"tired\",\"hopeful\"],\"timeZone\":\"Asia/Kathmandu\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        String localDate = json.readTree(created.body()).get("localDateTime").asString().substring(0, 10);
        await("reminder-service learns the journaled day").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> days = get("/api/reminders/journaled-days", user);
            assertThat(days.statusCode()).isEqualTo(200);
            JsonNode list = json.readTree(days.body());
            assertThat(list.valueStream().map(day -> day.get("date").asString())).containsExactly(localDate);
        });
    }

    @Test
    @Order(3)
    void malformedJsonIsABadRequestProblem() throws Exception {
        HttpResponse<String> response = post("/api/journal/entries", UUID.randomUUID().toString(), "{\"body\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @Order(4)
    void anUnknownRouteIsANotFoundProblemFromTheGateway() throws Exception {
        HttpResponse<String> response = get("/api/no-such-area/things");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void theWebAppAnswersAtTheRoot() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Mental Health Connect</title>").contains("/app.js");
    }

    @Test
    @Order(6)
    void theMailViewerIsUp() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.mailViewer() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Captured mail");
    }

    @Test
    @Order(100)
    void aStoppedServiceIsAServiceUnavailableProblemWithinSeconds() throws Exception {
        system.stop("content-service");

        Instant asked = Instant.now();
        HttpResponse<String> response = get("/api/content/items");

        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).startsWith("The library");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.gateway() + path)).timeout(Duration.ofSeconds(15))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.gateway() + path)).header("X-User-Id", user)
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.gateway() + path)).header("X-User-Id", user)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
