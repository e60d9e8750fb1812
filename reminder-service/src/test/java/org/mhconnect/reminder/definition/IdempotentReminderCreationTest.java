package org.mhconnect.reminder.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A reminder sent twice with the same Idempotency-Key is made once, and the second answer is the first one again. */
@ReminderIntegrationTest
class IdempotentReminderCreationTest {

    @Autowired
    RestTestClient http;

    @Test
    void theSameRequestWithTheSameKeyMakesOneReminderAndGivesTheSameAnswer() {
        String person = newPerson();
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<ReminderView> first = create(person, key, weekdayEvenings("Evening pages"));
        EntityExchangeResult<ReminderView> again = create(person, key, weekdayEvenings("Evening pages"));

        assertThat(first.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation())
                .hasToString("/api/reminders/" + first.getResponseBody().id());
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(new ApiCalls(http).reminderIds(person)).containsExactly(first.getResponseBody().id());
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndMakesNothing() {
        String person = newPerson();
        String key = UUID.randomUUID().toString();
        create(person, key, weekdayEvenings("Evening pages"));

        http.post().uri("/api/reminders").headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(person)))
                .header(IdempotencyKey.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                .body(weekdayEvenings("Something else")).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new ApiCalls(http).reminderIds(person)).hasSize(1);
    }

    @Test
    void twoPeopleMayUseTheSameKey() {
        String key = UUID.randomUUID().toString();
        String one = newPerson();
        String other = newPerson();

        String first = create(one, key, weekdayEvenings("Evening pages")).getResponseBody().id();
        String second = create(other, key, weekdayEvenings("Evening pages")).getResponseBody().id();

        assertThat(second).isNotEqualTo(first);
        assertThat(new ApiCalls(http).reminderIds(other)).containsExactly(second);
    }

    private EntityExchangeResult<ReminderView> create(String person, String key, Map<String, Object> body) {
        return http.post().uri("/api/reminders").headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(person)))
                .header(IdempotencyKey.HEADER, key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectBody(ReminderView.class).returnResult();
    }
}
