package org.mhconnect.reminder.journaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.reminder.journaling.JournalEventFixtures.LATE_MARCH;
import static org.mhconnect.reminder.journaling.JournalEventFixtures.entryRecorded;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.testsupport.TestInfrastructure;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ReminderIntegrationTest
class JournaledDaysTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JournaledDays days;

    final JournalEventFixtures journal = new JournalEventFixtures();

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void remembersTheDayOfARecordedEntry() throws Exception {
        String user = UUID.randomUUID().toString();

        journal.publish(entryRecorded(user, LATE_MARCH));

        await().atMost(Duration.ofSeconds(20)).until(() -> days.journaledOn(user, LATE_MARCH));
        assertThat(daysOf(user)).singleElement().satisfies(day -> {
            assertThat(day.date()).isEqualTo(LATE_MARCH);
            assertThat(day.entries()).isOne();
        });
    }

    @Test
    void anEntryWrittenWithoutAMoodStillCountsItsDay() throws Exception {
        String user = UUID.randomUUID().toString();
        JournalEntryRecorded withMood = entryRecorded(user, LATE_MARCH);

        journal.publish(new JournalEntryRecorded(withMood.eventId(), withMood.occurredAt(), user, withMood.entryId(),
                LATE_MARCH, null, List.of()));

        await().atMost(Duration.ofSeconds(20)).until(() -> days.journaledOn(user, LATE_MARCH));
    }

    @Test
    void aRedeliveredEventIsCountedOnce() throws Exception {
        String user = UUID.randomUUID().toString();
        JournalEntryRecorded event = entryRecorded(user, LATE_MARCH);
        JournalEntryRecorded secondEntrySameDay = entryRecorded(user, LATE_MARCH);

        journal.publish(event);
        journal.publish(event);
        journal.publish(secondEntrySameDay);

        await().atMost(Duration.ofSeconds(20)).until(() -> daysOf(user).stream().anyMatch(day -> day.entries() == 2));
        assertThat(daysOf(user)).singleElement().extracting(JournaledDayView::entries).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordIsParkedOnTheDeadLetterTopicAndTheNextOneStillArrives() throws Exception {
        String user = UUID.randomUUID().toString();

        journal.publishUnreadable(user);
        journal.publish(entryRecorded(user, LATE_MARCH));

        await().atMost(Duration.ofSeconds(30)).until(() -> days.journaledOn(user, LATE_MARCH));
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(),
                "group.id", "dlt-probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(Topics.deadLetter(Topics.JOURNAL, "reminder-service")));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : deadLetters.poll(Duration.ofMillis(500))) {
                    if (user.equals(record.key()) && new String(record.value()).equals("not json {")) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void listsOnlyTheCallersDays() throws Exception {
        String user = UUID.randomUUID().toString();
        String someoneElse = UUID.randomUUID().toString();

        journal.publish(entryRecorded(someoneElse, LATE_MARCH));

        await().atMost(Duration.ofSeconds(20)).until(() -> days.journaledOn(someoneElse, LATE_MARCH));
        assertThat(daysOf(user)).isEmpty();
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        http.get().uri("/api/reminders/journaled-days?from=2026-04-01&to=2026-03-01").headers(bearer("someone"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesDaysOutsideTheYears1900To2999() {
        for (String range : List.of("to=+999999999-12-31", "from=1899-12-31&to=1900-01-02", "from=3000-01-01")) {
            http.get().uri("/api/reminders/journaled-days?" + range).headers(bearer("someone"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private List<JournaledDayView> daysOf(String user) {
        return http.get().uri("/api/reminders/journaled-days?from=2026-03-01&to=2026-04-30").headers(bearer(user))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<JournaledDayView>>() {
                }).returnResult().getResponseBody();
    }

    private static Consumer<HttpHeaders> bearer(String userId) {
        return headers -> headers.setBearerAuth(TestTokens.get().accessToken(userId));
    }
}
