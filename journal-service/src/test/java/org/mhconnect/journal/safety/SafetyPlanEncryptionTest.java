package org.mhconnect.journal.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A safety plan is sealed like an entry: the database holds only ciphertext under the person's own data key, bound
 * to that person, so a plan copied into someone else's document does not open.
 */
@JournalIntegrationTest
class SafetyPlanEncryptionTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theStoredPlanHoldsNoneOfItsWords() {
        String ada = aUser();
        write(ada, SafetyPlanFixtures.A_PLAN);

        List<String> everything = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            mongo.findAll(Document.class, collection).forEach(doc -> everything.add(doc.toJson()));
        }
        String database = String.join("\n", everything);
        for (String words : SafetyPlanFixtures.PRIVATE_WORDS) {
            assertThat(database).as("the raw database").doesNotContainIgnoringCase(words);
        }
        Document stored = mongo.findById(ada, Document.class, "safety_plans");
        assertThat(stored.get("sealed")).isInstanceOf(Binary.class);
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "sealed", "createdAt", "updatedAt", "version", "_class");
    }

    @Test
    void aPlanCopiedIntoAnotherPersonsDocumentDoesNotOpen() {
        String ada = aUser();
        String bea = aUser();
        write(ada, SafetyPlanFixtures.A_PLAN);
        write(bea, "{\"warningSigns\":[\"Bea's own sign\"]}");
        Binary adas = mongo.findById(ada, Document.class, "safety_plans").get("sealed", Binary.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(bea)), new Update().set("sealed", adas), "safety_plans");

        http.get().uri("/api/journal/safety-plan").headers(bearer(bea)).exchange()
                .expectStatus().is5xxServerError()
                .expectBody(String.class)
                .value(problem -> assertThat(problem).doesNotContain(SafetyPlanFixtures.WARNING_SIGN, "Quillon"));
    }

    private void write(String userId, String plan) {
        http.put().uri("/api/journal/safety-plan").headers(bearer(userId)).contentType(MediaType.APPLICATION_JSON)
                .body(plan).exchange().expectStatus().isOk();
    }
}
