package org.mhconnect.reminder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.StateOutbox;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The schedule outbox keeps the trace of the change that marked a reminder, and its relay hands the schedule to the
 * engine in that trace; entries marked before tracing are still relayed.
 */
@ReminderIntegrationTest
class ScheduleOutboxTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    KafkaScheduleFeed feed;

    @Autowired
    MongoTemplate mongo;

    TopicProbe schedules;

    @BeforeEach
    void listen() {
        schedules = new TopicProbe(Topics.REMINDER_SCHEDULES);
    }

    @AfterEach
    void stopListening() {
        schedules.close();
    }

    @Test
    void aRelayedScheduleCarriesTheTraceOfTheChangeAndOneWithoutATraceStillGoesOut() {
        String user = UUID.randomUUID().toString();
        Instant longAgo = Instant.now().minusSeconds(60);
        mongo.save(new StateOutbox.Mark("r-traced", user, longAgo, "00-" + TRACE_ID + "-00f067aa0ba902b7-01"), KafkaScheduleFeed.COLLECTION);
        mongo.save(new StateOutbox.Mark("r-untraced", user, longAgo, null), KafkaScheduleFeed.COLLECTION);

        feed.relay();

        await().atMost(Duration.ofSeconds(15)).until(() -> recordsFor(user).size() == 2);
        assertThat(recordsFor(user)).filteredOn(record -> record.key().endsWith("/r-traced")).singleElement()
                .satisfies(record -> assertThat(TopicProbe.header(record, EventTracing.HEADER)).startsWith("00-" + TRACE_ID + "-"));
        assertThat(recordsFor(user)).filteredOn(record -> record.key().endsWith("/r-untraced")).singleElement()
                .satisfies(record -> assertThat(TopicProbe.header(record, EventTracing.HEADER)).doesNotContain(TRACE_ID));
    }

    private List<ConsumerRecord<String, String>> recordsFor(String user) {
        return schedules.records().stream().filter(record -> record.key().startsWith(user + "/")).toList();
    }
}
