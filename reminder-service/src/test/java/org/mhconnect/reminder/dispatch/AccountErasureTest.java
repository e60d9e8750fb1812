package org.mhconnect.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.reminder.ApiCalls.newPerson;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.CloudEventHeaders;
import org.mhconnect.events.EventTypes;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.definition.ReminderView;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.mhconnect.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * When a person deletes their account ({@code user.deletion-requested} on {@code mhc.users}), reminder-service erases
 * everything it holds for them, then confirms with {@code user.data-erased} on {@code mhc.erasures}: their reminders
 * (and, through tombstones on the compacted schedules topic, everything the engine still had planned for them), the
 * history of every reminder they ever had, their deliveries, their inbox, their preferences with the webhook, and
 * their place on the weekly digest list. Someone else's reminders carry on as before.
 */
@ReminderIntegrationTest
class AccountErasureTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    RestTestClient http;

    @Autowired
    Reminders reminders;

    @Autowired
    EventPublisher events;

    @Autowired
    MongoTemplate mongo;

    ApiCalls api;
    TopicProbe erasures;
    TopicProbe due;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        erasures = new TopicProbe(Topics.ERASURES);
        due = new TopicProbe(Topics.REMINDERS_DUE);
    }

    @AfterEach
    void close() {
        erasures.close();
        due.close();
    }

    @Test
    void aDeletedAccountLeavesNothingBehindAndNobodyElseLosesAnything() {
        // A person with everything reminders can hold: preferences of their own, a webhook, two reminders, the
        // history and inbox item of a real delivery, and the history of a reminder they deleted before.
        String leaving = newPerson();
        String staying = newPerson();
        registered(leaving);
        changePreferences(leaving);
        Reply webhook = api.put(leaving, "/api/notifications/webhook", Map.of("url", "https://93.184.216.34/hook"));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        ReminderView first = api.create(leaving, inboxReminder("Evening journal"));
        ReminderView second = api.create(leaving, inboxReminder("Stretch a little"));
        ReminderView deletedBefore = api.create(leaving, inboxReminder("An old reminder"));
        ReminderView someoneElses = api.create(staying, inboxReminder("Someone else's reminder"));

        Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        reminders.snooze(leaving, first.id(), soon);
        reminders.snooze(leaving, deletedBefore.id(), soon);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(inbox(leaving)).hasSize(2);
            assertThat(statuses(leaving, first.id())).containsExactly("inbox:sent");
            assertThat(statuses(leaving, deletedBefore.id())).containsExactly("inbox:sent");
        });
        assertThat(api.delete(leaving, "/api/reminders/{id}", deletedBefore.id()).status()).isEqualTo(204);
        assertThat(mongo.findById(deletedBefore.id(), HistoryDocument.class)).as("a deleted reminder takes its history with it")
                .isNull();
        assertThat(digestSubscribers()).contains(leaving);

        // Something is planned for five seconds from now, for both people; then the account is deleted.
        Instant later = Instant.now().plusSeconds(5);
        reminders.snooze(leaving, second.id(), later);
        reminders.snooze(staying, someoneElses.id(), later);
        events.publish(Topics.USERS, new UserDeletionRequested(UUID.randomUUID(), Instant.now(), leaving));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(erasures.records())
                .filteredOn(record -> leaving.equals(record.key()))
                .singleElement().satisfies(record -> {
                    assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.USER_DATA_ERASED);
                    assertThat(record.value()).contains("\"service\":\"reminder-service\"");
                }));
        assertThat(Instant.now()).as("confirmed before the planned snooze was due").isBefore(later);

        // The reminders are gone.
        assertThat(api.get(leaving, "/api/reminders/{id}", first.id()).status()).isEqualTo(404);
        assertThat(api.get(leaving, "/api/reminders/{id}", second.id()).status()).isEqualTo(404);
        assertThat(api.reminderIds(leaving)).isEmpty();
        // So are the preferences with the webhook: asked again, they are a stranger's defaults.
        assertThat(mongo.findById(leaving, PreferencesDocument.class)).isNull();
        assertThat(api.preferences(leaving)).containsEntry("email", null).containsEntry("timeZone", "UTC")
                .containsEntry("weeklyDigest", false).containsEntry("quietHours", null).containsEntry("webhook", null)
                .containsEntry("version", 0);
        assertThat(digestSubscribers()).doesNotContain(leaving);
        // The inbox is empty, and no history or delivery of any of their reminders is left.
        assertThat(inbox(leaving)).isEmpty();
        assertThat(leftFor(leaving, HistoryDocument.class)).isEmpty();
        assertThat(leftFor(leaving, DeliveryDocument.class)).isEmpty();
        assertThat(leftFor(leaving, QueuedDelivery.class)).isEmpty();

        // What was planned for the other person arrives; what was planned for the leaving person never does: the
        // engine forgot it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox(staying)).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> due.records().stream()
                .anyMatch(record -> record.value().contains(someoneElses.id())));
        await().until(() -> Instant.now().isAfter(later.plusSeconds(3)));
        for (int poll = 0; poll < 4; poll++) {
            assertThat(due.records()).extracting(ConsumerRecord::value).noneMatch(value -> value.contains(second.id()));
        }
        assertThat(inbox(leaving)).isEmpty();
        assertThat(leftFor(leaving, HistoryDocument.class)).isEmpty();
        assertThat(leftFor(leaving, DeliveryDocument.class)).isEmpty();

        // The other person's reminder is untouched.
        assertThat(api.reminderIds(staying)).containsExactly(someoneElses.id());
        assertThat(statuses(staying, someoneElses.id())).containsExactly("inbox:sent");
    }

    private void registered(String person) {
        String email = "leaving-" + person + "@example.org";
        events.publish(Topics.USERS, new UserRegistered(UUID.randomUUID(), Instant.now(), person, email, "Ada",
                "Europe/Berlin", "en"));
        await().atMost(Duration.ofSeconds(15)).until(() -> email.equals(api.preferences(person).get("email")));
    }

    private void changePreferences(String person) {
        Map<String, Object> change = new HashMap<>();
        change.put("timeZone", "Europe/Lisbon");
        change.put("quietHours", null);
        change.put("pausedUntil", null);
        change.put("emailEnabled", true);
        change.put("weeklyDigest", true);
        change.put("version", api.preferences(person).get("version"));
        Reply reply = api.put(person, "/api/notifications/preferences", change);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** Daily to the inbox, at a time half a day away, so that only the snoozes here fire during the test. */
    private static Map<String, Object> inboxReminder(String title) {
        String farAway = LocalTime.now(BERLIN).plusHours(12).truncatedTo(ChronoUnit.HOURS).format(DateTimeFormatter.ofPattern("HH:mm"));
        return Map.of("kind", "custom", "title", title, "channels", List.of("inbox"),
                "schedule", Map.of("times", List.of(farAway), "timeZone", "Europe/Berlin"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inbox(String person) {
        return (List<Map<String, Object>>) api.get(person, "/api/notifications/inbox").json().get("items");
    }

    @SuppressWarnings("unchecked")
    private List<String> statuses(String person, String reminderId) {
        return ((List<Map<String, Object>>) api.get(person, "/api/reminders/{id}/deliveries", reminderId).json().get("items"))
                .stream().map(entry -> entry.get("channel") + ":" + entry.get("status")).toList();
    }

    private <T> List<T> leftFor(String person, Class<T> type) {
        return mongo.find(Query.query(Criteria.where("userId").is(person)), type);
    }

    private List<String> digestSubscribers() {
        org.bson.Document all = mongo.findById("all", org.bson.Document.class, "digest_subscribers");
        return all == null ? List.of() : all.getList("ids", String.class);
    }
}
