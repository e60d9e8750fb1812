package org.mhconnect.reminder.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.reminder.ApiCalls.newPerson;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.definition.OccurrenceView;
import org.mhconnect.reminder.definition.ReminderView;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.definition.Skipped;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;

/**
 * A skipped reminder says so where it was promised: the coming occurrences of the list, of one reminder and of the
 * form's preview each say whether they will be skipped and why, and an occurrence that was skipped stays in the
 * inbox's history with its reason. The journaled day arrives as journal-service sends it, on Kafka.
 */
@ReminderIntegrationTest
class SkippedRemindersApiTest {

    static final String ZONE = "Europe/Berlin";
    static final Skipped ALREADY_WROTE = new Skipped("already-journaled", "you already wrote");
    static final TypeReference<List<OccurrenceView>> OCCURRENCES = new TypeReference<>() {
    };

    @Autowired
    RestTestClient http;

    @Autowired
    EventPublisher events;

    @Autowired
    Reminders reminders;

    ApiCalls api;
    String person;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = newPerson();
    }

    @Test
    void aJournalingReminderOnADayAlreadyWrittenIsMarkedSkippedInTheListItsOccurrencesAndThePreview() {
        ReminderView created = api.create(person, reminder("journal", "Evening journal", List.of("inbox")));
        assertThat(created.next()).hasSize(3).extracting(OccurrenceView::skipped).containsOnlyNulls();
        LocalDate day = dayOf(created.next().getFirst());

        wrote(person, day);

        List<OccurrenceView> listed = onlyReminder(api.get(person, "/api/reminders")).next();
        assertThat(listed.getFirst().skipped()).isEqualTo(ALREADY_WROTE);
        assertThat(listed.subList(1, 3)).extracting(OccurrenceView::skipped).containsOnlyNulls();
        assertThat(api.get(person, "/api/reminders/{id}/occurrences?count=2", created.id()).as(OCCURRENCES))
                .extracting(OccurrenceView::skipped).containsExactly(ALREADY_WROTE, null);
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).next().getFirst().skipped())
                .isEqualTo(ALREADY_WROTE);

        Map<String, Object> schedule = schedule();
        assertThat(api.post(person, "/api/reminders/preview?count=2&kind=journal", schedule).as(OCCURRENCES))
                .extracting(OccurrenceView::skipped).containsExactly(ALREADY_WROTE, null);
        // Only a journaling reminder is done by writing.
        assertThat(api.post(person, "/api/reminders/preview?count=2&kind=practice", schedule).as(OCCURRENCES))
                .extracting(OccurrenceView::skipped).containsOnlyNulls();
        assertThat(api.post(person, "/api/reminders/preview?count=2", schedule).as(OCCURRENCES))
                .extracting(OccurrenceView::skipped).containsOnlyNulls();
    }

    @Test
    void anotherPersonsWritingSkipsNothingOfMine() {
        ReminderView created = api.create(person, reminder("journal", "Evening journal", List.of("inbox")));
        String someoneElse = newPerson();

        wrote(someoneElse, dayOf(created.next().getFirst()));

        assertThat(onlyReminder(api.get(person, "/api/reminders")).next()).extracting(OccurrenceView::skipped).containsOnlyNulls();
    }

    @Test
    void skipTheNextOneMarksOnlyTheNextOccurrence() {
        ReminderView created = api.create(person, reminder("custom", "Stretch", List.of("inbox")));

        api.post(person, "/api/reminders/{id}/skip-next", null, created.id());

        assertThat(onlyReminder(api.get(person, "/api/reminders")).next()).extracting(OccurrenceView::skipped)
                .containsExactly(new Skipped("skip-next", "you chose to skip this one"), null, null);
    }

    @Test
    void theFormChangingAReminderPreviewsItsPendingSkipOnlyWhileItsScheduleStaysTheSame() {
        ReminderView created = api.create(person, reminder("custom", "Stretch", List.of("inbox")));
        api.post(person, "/api/reminders/{id}/skip-next", null, created.id());

        assertThat(api.post(person, "/api/reminders/preview?count=2&reminder={id}", schedule(), created.id()).as(OCCURRENCES))
                .extracting(OccurrenceView::skipped).containsExactly(new Skipped("skip-next", "you chose to skip this one"), null);
        // Saving another time would start afresh, without the skip.
        assertThat(api.post(person, "/api/reminders/preview?count=2&reminder={id}",
                Map.of("times", List.of("21:30"), "timeZone", ZONE), created.id()).as(OCCURRENCES))
                .extracting(OccurrenceView::skipped).containsOnlyNulls();
        assertThat(api.post(newPerson(), "/api/reminders/preview?reminder={id}", schedule(), created.id()).status()).isEqualTo(404);
    }

    @Test
    void aPauseMarksEveryOccurrenceBeforeItEnds() {
        ReminderView created = api.create(person, reminder("custom", "Stretch", List.of("inbox")));
        LocalDate secondDay = dayOf(created.next().get(1));
        Map<String, Object> preferences = new LinkedHashMap<>(api.preferences(person));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("timeZone", ZONE);
        change.put("quietHours", null);
        change.put("pausedUntil", secondDay.toString());
        change.put("emailEnabled", true);
        change.put("weeklyDigest", false);
        change.put("version", preferences.get("version"));

        assertThat(api.put(person, "/api/notifications/preferences", change).status()).isEqualTo(200);

        assertThat(onlyReminder(api.get(person, "/api/reminders")).next()).extracting(OccurrenceView::skipped)
                .containsExactly(new Skipped("paused", "your reminders are paused"), null, null);
    }

    @Test
    void aSkippedOccurrenceStaysInTheInboxHistoryWithItsReasonWithoutAskingForAttention() {
        ReminderView created = api.create(person, reminder("journal", "Evening journal", List.of("inbox")));
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        wrote(person, due.atZone(ZoneId.of(ZONE)).toLocalDate());

        reminders.snooze(person, created.id(), due);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(items(api.get(person, "/api/notifications/inbox").json())).singleElement().satisfies(item -> {
                    assertThat(item).containsEntry("reminderId", created.id()).containsEntry("title", "Evening journal")
                            .containsEntry("scheduledAt", due.toString()).containsEntry("read", true);
                    assertThat(item.get("skipped")).isEqualTo(Map.of("reason", "already-journaled", "words", "you already wrote"));
                }));
        assertThat(api.get(person, "/api/notifications/inbox").json()).containsEntry("unread", 0);
        assertThat(items(api.get(person, "/api/reminders/{id}/deliveries", created.id()).json()))
                .extracting(entry -> entry.get("status") + ": " + entry.get("reason"))
                .containsExactly("skipped: skipped: already journaled");
    }

    @Test
    void aPreviewForAKindThatDoesNotExistIsAProblem() {
        Reply reply = api.post(person, "/api/reminders/preview?kind=sometimes", schedule());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
    }

    /** journal-service's event for an entry written on that day, and the moment reminder-service has read it. */
    private void wrote(String who, LocalDate day) {
        events.publish(Topics.JOURNAL, new JournalEntryRecorded(UUID.randomUUID(), Instant.now(), who,
                UUID.randomUUID().toString(), day, 3, List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(who, "/api/reminders/journaled-days?from={d}&to={d}", day, day)
                .body().contains(day.toString()));
    }

    private static Map<String, Object> reminder(String kind, String title, List<String> channels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("channels", channels);
        body.put("schedule", schedule());
        return body;
    }

    /** Every day at 21:00 in Berlin. */
    private static Map<String, Object> schedule() {
        return Map.of("times", List.of("21:00"), "timeZone", ZONE);
    }

    private static LocalDate dayOf(OccurrenceView occurrence) {
        return LocalDate.parse(occurrence.local().substring(0, 10));
    }

    private static ReminderView onlyReminder(Reply list) {
        assertThat(list.status()).isEqualTo(200);
        List<ReminderView> items = list.as(new TypeReference<ReminderList>() {
        }).items();
        assertThat(items).hasSize(1);
        return items.getFirst();
    }

    record ReminderList(List<ReminderView> items, int limit) {
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("items");
    }
}
