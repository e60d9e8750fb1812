package org.mhconnect.reminder.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every request a reminder cannot be made from is answered 400 with an {@code application/problem+json} that names
 * the field, and nothing is stored: the person's list is as it was, and a reminder that was to be changed is
 * unchanged.
 */
@ReminderIntegrationTest
class RejectedReminderRequestsTest {

    @Autowired
    RestTestClient http;

    ApiCalls api;
    String person;
    ReminderView existing;

    @BeforeEach
    void aPersonWithOneReminder() {
        api = new ApiCalls(http);
        person = newPerson();
        existing = api.create(person, weekdayEvenings("Already there"));
    }

    /** A change to the valid friendly reminder that makes it invalid, and the field the problem must name. */
    record Case(String name, Consumer<Map<String, Object>> change, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badReminders() {
        return Stream.of(
                schedule("an RRULE that cannot be read", Map.of("rrule", "FREQ=SOMETIMES", "start", "2026-12-01T21:00",
                        "timeZone", "Europe/Berlin"), "schedule.rrule"),
                schedule("an hourly RRULE", Map.of("rrule", "FREQ=HOURLY", "start", "2026-12-01T21:00",
                        "timeZone", "Europe/Berlin"), "schedule.rrule"),
                schedule("an RRULE more often than every 15 minutes", Map.of("rrule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0,10",
                        "start", "2026-12-01T09:00", "timeZone", "Europe/Berlin"), "schedule.rrule"),
                schedule("an RRULE that never fires", Map.of("rrule", "FREQ=DAILY;UNTIL=20261101T000000Z",
                        "start", "2026-12-01T09:00", "timeZone", "Europe/Berlin"), "schedule.rrule"),
                schedule("an unknown time zone with an RRULE", Map.of("rrule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
                        "start", "2026-12-01T09:00", "timeZone", "Mars/Olympus"), "schedule.timeZone"),
                schedule("an unknown time zone with times", Map.of("times", List.of("21:00"), "timeZone", "Mars/Olympus"),
                        "schedule.timeZone"),
                schedule("a fixed offset for a time zone", Map.of("times", List.of("21:00"), "timeZone", "+02:00"),
                        "schedule.timeZone"),
                schedule("a start that is not a local date-time", Map.of("rrule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
                        "start", "next tuesday", "timeZone", "Europe/Berlin"), "schedule.start"),
                schedule("a start with an offset", Map.of("rrule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
                        "start", "2026-12-01T09:00+01:00", "timeZone", "Europe/Berlin"), "schedule.start"),
                schedule("an RRULE without a start", Map.of("rrule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
                        "timeZone", "Europe/Berlin"), "schedule.start"),
                schedule("both an RRULE and times", Map.of("rrule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0",
                        "start", "2026-12-01T09:00", "times", List.of("21:00"), "timeZone", "Europe/Berlin"), "schedule.rrule"),
                schedule("neither an RRULE nor times", Map.of("timeZone", "Europe/Berlin"), "schedule.rrule"),
                schedule("times closer than 15 minutes", Map.of("times", List.of("21:00", "21:10"), "timeZone", "Europe/Berlin"),
                        "schedule.times"),
                schedule("a time of day that does not exist", Map.of("times", List.of("25:00"), "timeZone", "Europe/Berlin"),
                        "schedule.times[0]"),
                schedule("an unknown weekday", Map.of("times", List.of("21:00"), "weekdays", List.of("XX"),
                        "timeZone", "Europe/Berlin"), "schedule.weekdays[]"),
                schedule("no time zone", Map.of("times", List.of("21:00")), "schedule.timeZone"),
                field("an unknown kind", "kind", "diary", "kind"),
                field("no kind", "kind", null, "kind"),
                field("an unknown channel", "channels", List.of("sms"), "channels[]"),
                field("no channels", "channels", List.of(), "channels"),
                field("a blank title", "title", "   ", "title"),
                field("no title", "title", null, "title"),
                field("a title longer than 100 characters", "title", "x".repeat(101), "title"),
                field("a message longer than 500 characters", "message", "x".repeat(501), "message"),
                field("a title with a text-direction override", "title", "Stretch \u202Eexe.txt", "title"),
                field("a title of two lines", "title", "Stretch\nnow", "title"),
                field("a message with a NUL", "message", "Time to\u0000 stretch", "message"),
                field("a practice slug that is not one", "practiceSlug", "Not A Slug!", "practiceSlug"),
                field("a grace period of 0 minutes", "gracePeriodMinutes", 0, "gracePeriodMinutes"),
                field("a grace period longer than a day", "gracePeriodMinutes", 1441, "gracePeriodMinutes"),
                field("no schedule", "schedule", null, "schedule"));
    }

    private static Arguments schedule(String name, Map<String, Object> schedule, String field) {
        return field(name, "schedule", schedule, field);
    }

    private static Arguments field(String name, String key, Object value, String field) {
        return Arguments.of(new Case(name, body -> body.put(key, value), field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReminders")
    void aReminderThatCannotBeMadeIsRefusedNamingTheFieldAndNothingIsStored(Case bad) {
        Map<String, Object> body = new HashMap<>(weekdayEvenings("New"));
        bad.change().accept(body);

        Reply reply = api.post(person, "/api/reminders", body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.errorFields()).as(reply.toString()).contains(bad.field());
        assertThat(reply.json()).containsEntry("status", 400).containsKeys("title", "detail");
        assertThat(api.reminderIds(person)).containsExactly(existing.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReminders")
    void aChangeThatCannotBeMadeIsRefusedNamingTheFieldAndTheReminderStaysAsItWas(Case bad) {
        Map<String, Object> body = new HashMap<>(weekdayEvenings("Changed"));
        body.put("version", existing.version());
        bad.change().accept(body);

        Reply reply = api.put(person, "/api/reminders/{id}", body, existing.id());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).as(reply.toString()).contains(bad.field());
        ReminderView afterwards = api.get(person, "/api/reminders/{id}", existing.id()).as(ReminderView.class);
        assertThat(afterwards.title()).isEqualTo("Already there");
        assertThat(afterwards.version()).isEqualTo(existing.version());
        assertThat(afterwards.schedule()).isEqualTo(existing.schedule());
    }

    @Test
    void aBodyWithAnUnknownFieldIsRefused() {
        String body = """
                {"kind":"custom","title":"New","channels":["inbox"],"colour":"blue",
                 "schedule":{"times":["21:00"],"timeZone":"Europe/Berlin"}}""";

        Reply reply = api.post(person, "/api/reminders", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).as("the body is not echoed").doesNotContain("colour").doesNotContain("blue");
        assertThat(api.reminderIds(person)).containsExactly(existing.id());
    }

    @Test
    void aScheduleWithAnUnknownFieldIsRefused() {
        String body = """
                {"kind":"custom","title":"New","channels":["inbox"],
                 "schedule":{"times":["21:00"],"timeZone":"Europe/Berlin","every":"day"}}""";

        Reply reply = api.post(person, "/api/reminders", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(api.reminderIds(person)).containsExactly(existing.id());
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Reply reply = api.post(person, "/api/reminders", "{\"kind\": \"custom\", \"title\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(api.reminderIds(person)).containsExactly(existing.id());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/reminders/not-a-reminder-id",
            "PUT, /api/reminders/not-a-reminder-id",
            "DELETE, /api/reminders/not-a-reminder-id",
            "POST, /api/reminders/not-a-reminder-id/stop",
            "POST, /api/reminders/not-a-reminder-id/resume",
            "POST, /api/reminders/not-a-reminder-id/skip-next",
            "POST, /api/reminders/not-a-reminder-id/snooze",
            "GET, /api/reminders/not-a-reminder-id/occurrences",
            "GET, /api/reminders/not-a-reminder-id/deliveries",
            "GET, /api/reminders/ABCDEF00-0000-0000-0000-000000000000",
    })
    void aMalformedIdIsRefused(HttpMethod method, String uri) {
        Object body = switch (method.name()) {
            case "PUT" -> withVersion(weekdayEvenings("Changed"), 0);
            case "POST" -> uri.endsWith("/snooze") ? Map.of("delay", "15m") : null;
            default -> null;
        };

        Reply reply = api.call(method, person, uri, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(api.reminderIds(person)).containsExactly(existing.id());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101})
    void occurrencesAreAskedForOneToAHundredAtATime(int count) {
        Reply reply = api.get(person, "/api/reminders/{id}/occurrences?count={count}", existing.id(), count);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        // The method-validation path names the parameter after the handler: "occurrences.count".
        assertThat(reply.errorFields()).as(reply.toString()).singleElement()
                .satisfies(field -> assertThat(field).matches("(.+\\.)?count"));
    }

    @Test
    void aCountThatIsNotANumberIsRefused() {
        Reply reply = api.get(person, "/api/reminders/{id}/occurrences?count=ten", existing.id());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).containsExactly("count");
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, long version) {
        body.put("version", version);
        return body;
    }
}
