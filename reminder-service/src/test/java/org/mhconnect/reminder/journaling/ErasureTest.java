package org.mhconnect.reminder.journaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.reminder.journaling.JournalEventFixtures.LATE_MARCH;
import static org.mhconnect.reminder.journaling.JournalEventFixtures.entryRecorded;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.kafkaevents.EventSerialization;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;

/** A deleted account's journaling days are erased; a person whose id merely starts the same way keeps theirs. */
@ReminderIntegrationTest
class ErasureTest {

    @Autowired
    JournaledDays days;

    final JournalEventFixtures journal = new JournalEventFixtures();

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void erasesThePersonsDaysAndNobodyElses() throws Exception {
        String leaving = UUID.randomUUID().toString();
        String similar = leaving + "-2";
        journal.publish(entryRecorded(leaving, LATE_MARCH));
        journal.publish(entryRecorded(similar, LATE_MARCH));
        await().atMost(Duration.ofSeconds(20)).until(() -> days.journaledOn(leaving, LATE_MARCH)
                && days.journaledOn(similar, LATE_MARCH));

        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), EventSerialization.serializer())) {
            producer.send(new ProducerRecord<>(Topics.USERS, leaving,
                    new UserDeletionRequested(UUID.randomUUID(), Instant.now(), leaving))).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !days.journaledOn(leaving, LATE_MARCH));
        assertThat(days.journaledOn(similar, LATE_MARCH)).isTrue();

        journal.publish(entryRecorded(leaving, LATE_MARCH.plusDays(1)));
        journal.publish(entryRecorded(similar, LATE_MARCH.plusDays(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> days.journaledOn(similar, LATE_MARCH.plusDays(1)));
        assertThat(days.journaledOn(leaving, LATE_MARCH.plusDays(1))).as("a late event of an erased account").isFalse();
    }
}
