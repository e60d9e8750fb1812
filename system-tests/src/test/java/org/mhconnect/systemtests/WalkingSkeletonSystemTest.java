package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;
import static org.mhconnect.systemtests.People.get;
import static org.mhconnect.systemtests.People.post;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mhconnect.systemtests.People.Person;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as real processes: devstack plus the four services, driven over HTTP through the gateway
 * by people who signed up and signed in. The last test stops a service and starts it again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Its last test stops content-service, which the journeys beside it read.
@FaultTest
class WalkingSkeletonSystemTest {

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.forFaults();
    }

    @Test
    @Order(0)
    void everyServiceReportsItselfHealthyOnTheEmbeddedDefault() throws Exception {
        for (String service : RunningSystem.SERVICES) {
            HttpResponse<String> health = get(system.serviceUrl(service, "/actuator/health"), null);

            assertThat(health.statusCode()).as("%s health: %s", service, health.body()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).get("status").asString()).as(service).isEqualTo("UP");
        }
    }

    @Test
    @Order(0)
    void everyServiceIsScrapedOnItsManagementPortAndNeverOnItsPublicPort() throws Exception {
        for (String service : RunningSystem.SERVICES) {
            HttpResponse<String> scrape = get(system.managementUrl(service, "/actuator/prometheus"), null);

            assertThat(scrape.statusCode()).as(service).isEqualTo(200);
            assertThat(scrape.body()).as(service)
                    .containsPattern("(?m)^mhc_readiness\\{application=\"" + service + "\"\\} 1(\\.0)?$");
            assertThat(get(system.serviceUrl(service, "/actuator/prometheus"), null).statusCode()).as(service)
                    .isIn(401, 404);
        }
    }

    @Test
    @Order(1)
    void theLibraryComesFromMongoDbThroughTheGatewayWithoutSigningIn() throws Exception {
        HttpResponse<String> response = get(system.gateway() + "/api/content/items?type=practice", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items").valueStream().map(item -> item.get("type").asString())).containsOnly("practice");
    }

    @Test
    @Order(2)
    void aJournalEntryReachesReminderServiceThroughKafka() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        HttpResponse<String> created = post(system.gateway() + "/api/journal/entries", ada,
                "{\"body\":\"I made a mistake at work and I was gentle with myself.\",\"mood\":3,"
                        + "\"emotions\":[\"tired\",\"hopeful\"],\"timeZone\":\"Asia/Kathmandu\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String localDate = JSON.readTree(created.body()).get("localDateTime").asString().substring(0, 10);
        await("reminder-service learns the journaled day").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> days = get(system.gateway() + "/api/reminders/journaled-days", ada);
            assertThat(days.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(days.body()).valueStream().map(day -> day.get("date").asString()))
                    .containsExactly(localDate);
        });
    }

    @Test
    @Order(3)
    void theBrowsersCookiesWorkThroughTheGatewayWithTheCsrfToken() throws Exception {
        Person bea = People.signUpAndSignIn(system.gateway());
        HttpResponse<String> login = post(system.gateway() + "/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(bea.email(), People.PASSWORD));
        String access = cookie(login, "mhc_access");
        String csrf = cookie(login, "mhc_csrf");
        String entry = "{\"body\":\"Written in the browser.\",\"mood\":4,\"timeZone\":\"Europe/Berlin\"}";

        HttpResponse<String> withoutCsrf = People.HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.gateway() + "/api/journal/entries"))
                .header("Content-Type", "application/json").header("Cookie", "mhc_access=" + access + "; mhc_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(entry)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withCsrf = People.HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.gateway() + "/api/journal/entries"))
                .header("Content-Type", "application/json").header("Cookie", "mhc_access=" + access + "; mhc_csrf=" + csrf)
                .header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(entry)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withCsrf.statusCode()).as(withCsrf.body()).isEqualTo(201);
    }

    @Test
    @Order(4)
    void withoutATokenTheJournalIsUnauthorized() throws Exception {
        HttpResponse<String> response = post(system.gateway() + "/api/journal/entries", null,
                "{\"body\":\"x\",\"mood\":3,\"timeZone\":\"Europe/Berlin\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(5)
    void malformedJsonIsABadRequestProblem() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        HttpResponse<String> response = post(system.gateway() + "/api/journal/entries", ada, "{\"body\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @Order(6)
    void anUnknownRouteIsANotFoundProblemFromTheGateway() throws Exception {
        HttpResponse<String> response = get(system.gateway() + "/api/no-such-area/things", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void theWebAppAnswersAtTheRootWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> response = get(system.gateway() + "/", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Mental Health Connect</title>").contains("/app.js");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    }

    @Test
    @Order(8)
    void theMailViewerIsUp() throws Exception {
        HttpResponse<String> response = get(system.mailViewer() + "/", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Captured mail");
    }

    @Test
    @Order(100)
    void aStoppedServiceIsAServiceUnavailableProblemWithinSeconds() throws Exception {
        system.stop("content-service");
        try {
            Instant asked = Instant.now();
            HttpResponse<String> response = get(system.gateway() + "/api/content/items", null);

            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("detail").asString()).startsWith("The library");
        }
        finally {
            system.restart("content-service");
        }
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .findFirst().orElseThrow();
    }
}
