package org.mhconnect.journal.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.testsupport.TestInfrastructure;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** When a person deletes their account, their journal goes, and journal-service says so. */
@JournalIntegrationTest
class ErasureTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void erasesEverythingOfThePersonDestroysTheirKeyAndConfirms() throws Exception {
        String leaving = UUID.randomUUID().toString();
        String staying = UUID.randomUUID().toString();
        write(leaving);
        write(leaving);
        write(staying);
        http.post().uri("/api/journal/checkins")
                .headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(leaving)))
                .contentType(MediaType.APPLICATION_JSON).body("{\"answers\":[3,3,3,3,3,3,3,3,3,3,3,3]}").exchange()
                .expectStatus().isCreated();

        try (KafkaConsumer<String, String> erasures = consumer()) {
            requestDeletion(leaving);
            requestDeletion(leaving);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : erasures.poll(Duration.ofMillis(500))) {
                    if (leaving.equals(record.key()) && record.value().contains("\"service\":\"journal-service\"")) {
                        return true;
                    }
                }
                return false;
            });
        }
        assertThat(entriesOf(leaving)).isZero();
        assertThat(entriesOf(staying)).isOne();
        assertThat(mongo.findById(leaving, org.bson.Document.class, "data_keys")).as("the data key").isNull();
        assertThat(mongo.findById(staying, org.bson.Document.class, "data_keys")).isNotNull();
        assertThat(mongo.findById(leaving, org.bson.Document.class, "checkins")).as("the check-ins").isNull();
        assertThat(mongo.findById(leaving, org.bson.Document.class, "journals")).as("the month index").isNull();
        assertThat(mongo.count(Query.query(Criteria.where("userId").is(leaving)), "entry_months")).isZero();
        http.post().uri("/api/journal/entries")
                .headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(leaving)))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"body\":\"written too late\",\"mood\":3,\"timeZone\":\"Europe/Berlin\"}").exchange()
                .expectStatus().isForbidden();
        assertThat(entriesOf(leaving)).isZero();
    }

    private void write(String userId) {
        http.post().uri("/api/journal/entries")
                .headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"body\":\"words\",\"mood\":3,\"timeZone\":\"Europe/Berlin\"}").exchange()
                .expectStatus().isCreated();
    }

    private long entriesOf(String userId) {
        return mongo.count(Query.query(Criteria.where("userId").is(userId)), "entries");
    }

    private static void requestDeletion(String userId) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), EventSerialization.serializer())) {
            producer.send(new ProducerRecord<>(Topics.USERS, userId,
                    new UserDeletionRequested(UUID.randomUUID(), Instant.now(), userId))).get();
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "erasure-probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.ERASURES));
        return consumer;
    }
}
