package org.mhconnect.content.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.events.content.ContentWithdrawn;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Several instances stay consistent: when another instance changes an item, the content event it sends is enough
 * for this instance's search index to follow, long before the periodic rebuild. A record nobody can read on the way is
 * parked, and does not hold up the events behind it.
 */
@ContentIntegrationTest
class SearchFollowsContentEventsTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventPublisher publisher;

    @Autowired
    LibraryIndex index;

    @Test
    void anItemPublishedByAnotherInstanceBecomesSearchableFromItsEvent() {
        String slug = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
        // Another instance wrote it: this one's index knows nothing yet.
        mongo.insert(new ContentItemDocument(slug, ContentType.ARTICLE, "Marmalade mornings", "Written elsewhere",
                "A slow breakfast can be an act of care.", List.of("rest"), List.of("self-care"), 1, "An editor",
                List.of(), ContentItemDocument.ContentStatus.PUBLISHED, Instant.now(), null, Instant.now(), "someone",
                List.of(), 1L));
        assertThat(found("marmalade", slug)).isFalse();

        publisher.publish(Topics.CONTENT, slug, new ContentPublished(UUID.randomUUID(), Instant.now(), "someone", slug,
                "article", "Marmalade mornings", "Written elsewhere", List.of("rest"), List.of("self-care"), 1,
                Instant.now(), 1));

        await().atMost(Duration.ofSeconds(15)).until(() -> found("marmalade", slug));

        mongo.updateFirst(Query.query(Criteria.where("_id").is(slug)),
                Update.update("status", ContentItemDocument.ContentStatus.WITHDRAWN), ContentItemDocument.class);
        publisher.publish(Topics.CONTENT, slug, new ContentWithdrawn(UUID.randomUUID(), Instant.now(), "someone", slug,
                "article", 2));

        await().atMost(Duration.ofSeconds(15)).until(() -> !found("marmalade", slug));
    }

    @Test
    void anUnreadableRecordIsParkedAndTheEventsAfterItStillReachTheIndex() throws Exception {
        String slug = "after-poison-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] garbage = ("\u0000not an event " + slug).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            // The same key as the good event after it: one partition, so the good event waits unless the poison is parked.
            raw.send(new ProducerRecord<>(Topics.CONTENT, slug, garbage)).get();
        }
        mongo.insert(new ContentItemDocument(slug, ContentType.ARTICLE, "Quince quietly", "Written elsewhere",
                "A pause between two tasks is enough.", List.of("rest"), List.of("self-care"), 1, "An editor",
                List.of(), ContentItemDocument.ContentStatus.PUBLISHED, Instant.now(), null, Instant.now(), "someone",
                List.of(), 1L));
        publisher.publish(Topics.CONTENT, slug, new ContentPublished(UUID.randomUUID(), Instant.now(), "someone", slug,
                "article", "Quince quietly", "Written elsewhere", List.of("rest"), List.of("self-care"), 1,
                Instant.now(), 1));

        await().atMost(Duration.ofSeconds(15)).until(() -> found("quince", slug));
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers(), "group.id", "dlt-probe-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(Topics.deadLetter(Topics.CONTENT, "content-service")));
            List<byte[]> parked = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                deadLetters.poll(Duration.ofMillis(300)).forEach(record -> parked.add(record.value()));
                return parked.stream().anyMatch(value -> Arrays.equals(value, garbage));
            });
        }
    }

    private boolean found(String words, String slug) {
        return index.search(new LibraryIndex.Search(words, null, null, null, null, 0, 50)).items().stream()
                .anyMatch(hit -> hit.slug().equals(slug));
    }
}
