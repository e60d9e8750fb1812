package org.mhconnect.content.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.events.EventTypes;
import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.StagedEvent;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The content outbox's relay publishes a staged event in the trace of the change that staged it. */
@ContentIntegrationTest
class ContentOutboxTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    Outbox outbox;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    TopicProbe contentTopic;

    @BeforeEach
    void listen() {
        contentTopic = new TopicProbe(Topics.CONTENT);
    }

    @AfterEach
    void stopListening() {
        contentTopic.close();
    }

    @Test
    void aRelayedEventCarriesTheTraceOfTheChangeThatStagedIt() {
        String slug = "traced-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minusSeconds(60);
        ContentPublished event = new ContentPublished(UUID.randomUUID(), longAgo, "editor-1", slug, "article", "Title",
                "Summary", List.of(), List.of(), 3, longAgo, 1);
        mongo.getCollection("items").insertOne(new Document("_id", slug).append("recentEvents", List.of(event.eventId().toString())));
        mongo.insert(new StagedEvent(event.eventId().toString(), Topics.CONTENT, slug, EventTypes.typeOf(event), slug,
                json.writeValueAsString(event), longAgo, "00-" + TRACE_ID + "-00f067aa0ba902b7-01"),
                ContentOutboxConfiguration.COLLECTION);

        outbox.relay();

        await().atMost(Duration.ofSeconds(15)).until(() -> published(event).isPresent());
        assertThat(TopicProbe.header(published(event).orElseThrow(), EventTracing.HEADER)).startsWith("00-" + TRACE_ID + "-");
        mongo.getCollection("items").deleteOne(new Document("_id", slug));
    }

    private java.util.Optional<ConsumerRecord<String, String>> published(ContentPublished event) {
        return contentTopic.records().stream().filter(record -> record.value().contains(event.eventId().toString())).findFirst();
    }
}
