package org.mhconnect.reminder.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * One person's reminder does not exist for anyone else: every way of reaching it by id answers 404, exactly as for
 * an id that was never used, and leaves it as it was.
 */
@ReminderIntegrationTest
class ReminderIsolationTest {

    @Autowired
    RestTestClient http;

    ApiCalls api;
    String owner;
    String stranger;
    ReminderView theirs;

    @BeforeEach
    void someoneElsesReminder() {
        api = new ApiCalls(http);
        owner = newPerson();
        stranger = newPerson();
        theirs = api.create(owner, weekdayEvenings("Private"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, ''",
            "PUT, ''",
            "DELETE, ''",
            "GET, /occurrences",
            "GET, /deliveries",
            "POST, /stop",
            "POST, /resume",
            "POST, /skip-next",
            "POST, /snooze",
    })
    void anotherPersonsReminderIsNotFound(HttpMethod method, String action) {
        Reply reply = api.call(method, stranger, "/api/reminders/{id}" + action, body(method, action), theirs.id());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.body()).doesNotContain("Private").doesNotContain(owner);
        ReminderView afterwards = api.get(owner, "/api/reminders/{id}", theirs.id()).as(ReminderView.class);
        assertThat(afterwards).usingRecursiveComparison().ignoringFields("next").isEqualTo(theirs);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, ''",
            "PUT, ''",
            "DELETE, ''",
            "GET, /occurrences",
            "GET, /deliveries",
            "POST, /stop",
    })
    void anotherPersonsReminderAnswersExactlyAsOneThatDoesNotExist(HttpMethod method, String action) {
        Reply someoneElses = api.call(method, stranger, "/api/reminders/{id}" + action, body(method, action), theirs.id());
        Reply nobodys = api.call(method, stranger, "/api/reminders/{id}" + action, body(method, action),
                java.util.UUID.randomUUID().toString());

        assertThat(someoneElses.status()).isEqualTo(nobodys.status()).isEqualTo(404);
        assertThat(someoneElses.json()).containsEntry("title", nobodys.json().get("title"))
                .containsEntry("detail", nobodys.json().get("detail"));
    }

    @Test
    void anotherPersonsReminderIsNotInTheirList() {
        assertThat(api.reminderIds(stranger)).isEmpty();
        assertThat(api.reminderIds(owner)).containsExactly(theirs.id());
    }

    private Object body(HttpMethod method, String action) {
        if (method == HttpMethod.PUT) {
            Map<String, Object> change = weekdayEvenings("Taken over");
            change.put("version", theirs.version());
            return change;
        }
        return action.equals("/snooze") ? Map.of("delay", "15m") : null;
    }
}
