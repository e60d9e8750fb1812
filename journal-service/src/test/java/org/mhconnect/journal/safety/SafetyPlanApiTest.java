package org.mhconnect.journal.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;
import static org.mhconnect.journal.safety.SafetyPlanFixtures.A_PLAN;
import static org.mhconnect.journal.safety.SafetyPlanFixtures.CONTACT_NAME;
import static org.mhconnect.journal.safety.SafetyPlanFixtures.REASON;
import static org.mhconnect.journal.safety.SafetyPlanFixtures.WARNING_SIGN;
import static org.mhconnect.journal.safety.SafetyPlanFixtures.aChangedPlan;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person keeps one safety plan: they make it, read it, change it with the version they last read, and let it go.
 * Nobody else can see or touch it, and a plan that breaks a rule is refused without changing what was there.
 */
@JournalIntegrationTest
class SafetyPlanApiTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JsonMapper json;

    @Test
    void beforeAPlanIsMadeReadingItIsANotFoundProblem() {
        http.get().uri("/api/journal/safety-plan").headers(bearer(aUser())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("No safety plan yet");
    }

    @Test
    void aPersonMakesReadsChangesAndDeletesTheirPlan() {
        String ada = aUser();
        JsonNode made = put(ada, A_PLAN, 200);
        assertThat(made.get("version").asLong()).isZero();
        assertThat(made.get("reasonForLiving").asString()).isEqualTo(REASON);

        JsonNode read = get(ada, 200);
        assertThat(read.get("warningSigns").get(0).asString()).isEqualTo(WARNING_SIGN);
        assertThat(read.get("contacts").get(0).get("name").asString()).isEqualTo(CONTACT_NAME);
        assertThat(read.get("professionals").get(0).get("url").asString()).isEqualTo(SafetyPlanFixtures.PROFESSIONAL_URL);

        JsonNode changed = put(ada, aChangedPlan(0), 200);
        assertThat(changed.get("version").asLong()).isEqualTo(1);
        assertThat(changed.get("warningSigns")).hasSize(3);
        assertThat(changed.get("distractions")).isEmpty();
        assertThat(changed.has("reasonForLiving")).as("a line left out is gone").isFalse();
        assertThat(get(ada, 200).get("warningSigns")).hasSize(3);

        http.delete().uri("/api/journal/safety-plan").headers(bearer(ada)).exchange().expectStatus().isNoContent();
        get(ada, 404);
        http.delete().uri("/api/journal/safety-plan").headers(bearer(ada)).exchange().expectStatus().isNotFound();
    }

    @Test
    void aChangeFromAStaleVersionIsAConflictAndChangesNothing() {
        String ada = aUser();
        put(ada, A_PLAN, 200);
        put(ada, aChangedPlan(0), 200);

        http.put().uri("/api/journal/safety-plan").headers(bearer(ada)).contentType(MediaType.APPLICATION_JSON)
                .body(aChangedPlan(0).replace("Skipping meals", "Something else")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.title").isEqualTo("The safety plan has changed")
                .jsonPath("$.currentVersion").isEqualTo(1);
        put(ada, A_PLAN, 409);
        http.delete().uri("/api/journal/safety-plan?version=0").headers(bearer(ada)).exchange()
                .expectStatus().isEqualTo(409);

        JsonNode kept = get(ada, 200);
        assertThat(kept.get("version").asLong()).isEqualTo(1);
        assertThat(kept.get("warningSigns").get(2).asString()).isEqualTo("Skipping meals");
    }

    @Test
    void anotherPersonsPlanIsInvisibleToThem() {
        String ada = aUser();
        String bea = aUser();
        put(ada, A_PLAN, 200);

        get(bea, 404);
        http.delete().uri("/api/journal/safety-plan").headers(bearer(bea)).exchange().expectStatus().isNotFound();
        JsonNode beas = put(bea, "{\"warningSigns\":[\"Bea's own sign\"]}", 200);

        assertThat(beas.toString()).doesNotContain(WARNING_SIGN, CONTACT_NAME);
        assertThat(get(ada, 200).get("warningSigns").get(0).asString()).isEqualTo(WARNING_SIGN);
        assertThat(get(bea, 200).get("warningSigns").get(0).asString()).isEqualTo("Bea's own sign");
    }

    @Test
    void badInputIsAProblemThatQuotesNothingAndChangesNothing() {
        String ada = aUser();
        put(ada, A_PLAN, 200);
        String longItem = "x".repeat(SafetyPlan.TEXT + 1);
        String elevenItems = json.writeValueAsString(java.util.Collections.nCopies(SafetyPlan.ITEMS + 1, "a sign"));

        for (String bad : List.of(
                "{\"warningSigns\":" + elevenItems + ",\"version\":0}",
                "{\"copingStrategies\":[\"" + longItem + "\"],\"version\":0}",
                "{\"distractions\":[\"   \"],\"version\":0}",
                "{\"contacts\":[{\"contact\":\"07700 900456\"}],\"version\":0}",
                "{\"professionals\":[{\"name\":\"A line\",\"url\":\"javascript:alert(1)\"}],\"version\":0}",
                "{\"reasonForLiving\":\"" + "y".repeat(501) + "\",\"version\":0}",
                "{\"warningSigns\":[\"fine\"],\"version\":-1}")) {
            http.put().uri("/api/journal/safety-plan").headers(bearer(ada)).contentType(MediaType.APPLICATION_JSON)
                    .body(bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class)
                    .value(problem -> assertThat(problem).contains("Some fields need another look")
                            .doesNotContain(longItem, "07700 900456", "javascript:", "yyyyy"));
        }
        for (String unreadable : List.of("{\"warningSigns\":[\"fine\"],\"userId\":\"someone-else\",\"version\":0}",
                "{\"warningSigns\":[\"unclosed", "{\"contacts\":[null],\"version\":0}")) {
            http.put().uri("/api/journal/safety-plan").headers(bearer(ada)).contentType(MediaType.APPLICATION_JSON)
                    .body(unreadable).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        JsonNode kept = get(ada, 200);
        assertThat(kept.get("version").asLong()).isZero();
        assertThat(kept.get("warningSigns").get(0).asString()).isEqualTo(WARNING_SIGN);
        assertThat(kept.get("reasonForLiving").asString()).isEqualTo(REASON);
    }

    @Test
    void withoutATokenThePlanIsUnauthorized() {
        http.get().uri("/api/journal/safety-plan").exchange().expectStatus().isUnauthorized();
        http.put().uri("/api/journal/safety-plan").contentType(MediaType.APPLICATION_JSON).body(A_PLAN).exchange()
                .expectStatus().isUnauthorized();
    }

    private JsonNode put(String userId, String body, int status) {
        String answer = http.put().uri("/api/journal/safety-plan").headers(bearer(userId))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(answer);
    }

    private JsonNode get(String userId, int status) {
        String answer = http.get().uri("/api/journal/safety-plan").headers(bearer(userId)).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(answer);
    }
}
