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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;
import tools.jackson.databind.JsonNode;

/** Deleting an account erases the person from every service, and the gateway can show that it is complete. */
@FaultTest
class AccountDeletionSystemTest {

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.forFaults();
    }

    @Test
    void everyServiceErasesThePersonAndTheAccountIsGone() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        String entry = writeEntry(ada);

        HttpResponse<String> asked = delete(ada);

        assertThat(asked.statusCode()).isEqualTo(202);
        await("every service confirms").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(status(ada).get("complete").asBoolean()).isTrue());
        assertThat(get(system.gateway() + "/api/journal/entries/" + entry, ada).statusCode()).isEqualTo(404);
        assertThat(post(system.gateway() + "/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(ada.email(), People.PASSWORD)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aServiceThatWasDownErasesWhenItIsBack() throws Exception {
        Person bea = People.signUpAndSignIn(system.gateway());
        writeEntry(bea);
        system.stop("reminder-service");
        try {
            assertThat(delete(bea).statusCode()).isEqualTo(202);

            await("the running services confirm").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode status = status(bea);
                assertThat(status.get("confirmed").valueStream().map(JsonNode::asString))
                        .containsExactlyInAnyOrder("content-service", "journal-service");
                assertThat(status.get("complete").asBoolean()).isFalse();
            });
        }
        finally {
            system.restart("reminder-service");
        }
        await("reminder-service catches up").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(status(bea).get("complete").asBoolean()).isTrue());
    }

    private static String writeEntry(Person person) throws Exception {
        HttpResponse<String> created = post(system.gateway() + "/api/journal/entries", person,
                "{\"body\":\"Something I wrote.\",\"mood\":3,\"timeZone\":\"Europe/Berlin\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    private static HttpResponse<String> delete(Person person) throws Exception {
        return People.HTTP.send(HttpRequest.newBuilder(URI.create(system.gateway() + "/api/me"))
                .header("Authorization", "Bearer " + person.accessToken()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode status(Person person) throws Exception {
        HttpResponse<String> response = get(system.gateway() + "/api/me/deletion", person);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
