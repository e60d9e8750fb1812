package org.mhconnect.journal.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The safety plan goes where the journal goes: into both exports, back in with an import, and away with the account. */
@JournalIntegrationTest
class SafetyPlanExportAndErasureTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Test
    void theJsonExportCarriesThePlanAndAnImportIntoAnotherAccountRestoresIt() {
        String ada = aUser();
        write(ada, SafetyPlanFixtures.A_PLAN);

        String exported = exportJson(ada);
        JsonNode plan = json.readTree(exported).get("safetyPlan");
        assertThat(plan.get("warningSigns").get(0).asString()).isEqualTo(SafetyPlanFixtures.WARNING_SIGN);
        assertThat(plan.get("contacts").get(0).get("contact").asString()).isEqualTo(SafetyPlanFixtures.CONTACT_PHONE);
        assertThat(plan.get("reasonForLiving").asString()).isEqualTo(SafetyPlanFixtures.REASON);

        String bea = aUser();
        http.post().uri("/api/journal/import").headers(bearer(bea)).contentType(MediaType.APPLICATION_JSON)
                .body(exported).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.safetyPlanImported").isEqualTo(true);
        assertThat(json.readTree(exportJson(bea)).get("safetyPlan")).isEqualTo(plan);

        // A plan the person already has is theirs: importing again keeps it.
        http.post().uri("/api/journal/import").headers(bearer(bea)).contentType(MediaType.APPLICATION_JSON)
                .body(exported).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.safetyPlanImported").isEqualTo(false);
    }

    @Test
    void withoutAPlanTheExportHasNoneAndAnImportWithABadPlanWritesNothing() {
        String ada = aUser();
        write(ada, SafetyPlanFixtures.A_PLAN);
        ObjectNode exported = (ObjectNode) json.readTree(exportJson(ada));
        ((ObjectNode) exported.get("safetyPlan").get("contacts").get(0)).put("name", " ");

        String bea = aUser();
        assertThat(json.readTree(exportJson(bea)).has("safetyPlan")).isFalse();
        http.post().uri("/api/journal/import").headers(bearer(bea)).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(exported)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .startsWith("safetyPlan.contacts[0].name"));
        http.get().uri("/api/journal/safety-plan").headers(bearer(bea)).exchange().expectStatus().isNotFound();
    }

    @Test
    void theMarkdownExportHasTheSafetyPlanAsItsOwnFile() throws Exception {
        String ada = aUser();
        write(ada, SafetyPlanFixtures.A_PLAN);

        byte[] zip = http.get().uri("/api/journal/export?format=markdown").headers(bearer(ada)).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();

        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files.get("safety-plan.md")).startsWith("# My safety plan")
                .contains("## Warning signs", "- " + SafetyPlanFixtures.WARNING_SIGN)
                .contains("## People I can ask for help", SafetyPlanFixtures.CONTACT_NAME + " · " + SafetyPlanFixtures.CONTACT_PHONE)
                .contains(SafetyPlanFixtures.PROFESSIONAL_URL)
                .contains("> " + SafetyPlanFixtures.REASON);
    }

    @Test
    void deletingTheAccountErasesThePlanAndItCannotBeWrittenAgain() throws Exception {
        String leaving = aUser();
        String staying = aUser();
        write(leaving, SafetyPlanFixtures.A_PLAN);
        write(staying, SafetyPlanFixtures.A_PLAN);

        requestDeletion(leaving);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(leaving, org.bson.Document.class, "safety_plans") == null);
        assertThat(mongo.findById(staying, org.bson.Document.class, "safety_plans")).isNotNull();
        http.get().uri("/api/journal/safety-plan").headers(bearer(leaving)).exchange().expectStatus().isNotFound();
        http.put().uri("/api/journal/safety-plan").headers(bearer(leaving)).contentType(MediaType.APPLICATION_JSON)
                .body(SafetyPlanFixtures.A_PLAN).exchange()
                .expectStatus().isForbidden();
        assertThat(mongo.findById(leaving, org.bson.Document.class, "safety_plans")).isNull();
    }

    private void write(String userId, String plan) {
        http.put().uri("/api/journal/safety-plan").headers(bearer(userId)).contentType(MediaType.APPLICATION_JSON)
                .body(plan).exchange().expectStatus().isOk();
    }

    private String exportJson(String userId) {
        return http.get().uri("/api/journal/export").headers(bearer(userId)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static void requestDeletion(String userId) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), EventSerialization.serializer())) {
            producer.send(new ProducerRecord<>(Topics.USERS, userId,
                    new UserDeletionRequested(UUID.randomUUID(), Instant.now(), userId))).get();
        }
    }
}
