package org.mhconnect.reminder.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A reminder sent twice with the same Idempotency-Key is made once, and the second answer is the first one again, also
 * when the first request's process stopped after making it and before answering.
 */
@ReminderIntegrationTest
class IdempotentReminderCreationTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

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
    void aReminderMadeByARequestWhoseProcessStoppedBeforeAnsweringIsNotMadeTwiceWhenSentAgain() {
        String person = newPerson();
        String key = UUID.randomUUID().toString();
        String made = create(person, key, weekdayEvenings("Evening pages")).getResponseBody().id();
        leftInFlightByAKill(person, key);

        EntityExchangeResult<ReminderView> again = create(person, key, weekdayEvenings("Evening pages"));

        assertThat(again.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getResponseBody().id()).isEqualTo(made);
        assertThat(new ApiCalls(http).reminderIds(person)).containsExactly(made);
        assertThat(create(person, key, weekdayEvenings("Evening pages")).getResponseBody().id())
                .as("and from then on the kept answer").isEqualTo(made);
    }

    @Test
    void aSecondRunOfTheSameRequestTakesNoSecondPlaceWhenAllFiftyAreTaken() {
        String person = newPerson();
        String key = UUID.randomUUID().toString();
        for (int i = 1; i < Reminders.MAX_PER_PERSON; i++) {
            create(person, UUID.randomUUID().toString(), weekdayEvenings("Reminder " + i));
        }
        String last = create(person, key, weekdayEvenings("The fiftieth")).getResponseBody().id();
        leftInFlightByAKill(person, key);

        EntityExchangeResult<ReminderView> again = create(person, key, weekdayEvenings("The fiftieth"));

        assertThat(again.getStatus()).as("the fiftieth reminder's own place is still its own").isEqualTo(HttpStatus.CREATED);
        assertThat(again.getResponseBody().id()).isEqualTo(last);
        assertThat(new ApiCalls(http).reminderIds(person)).hasSize(Reminders.MAX_PER_PERSON);
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

    /**
     * As a kill -9 leaves it: the reminder is made, but the key's claim still says in flight, with nothing kept, and
     * was claimed long enough ago (31 s) to count as abandoned.
     */
    private void leftInFlightByAKill(String person, String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(IdempotentRequests.idOf(person, key))), new Update()
                .set("state", "in-flight").set("claimedAt", Date.from(clock.instant().minusSeconds(31)))
                .unset("status").unset("location").unset("remembered"), "idempotency_keys");
    }

    private EntityExchangeResult<ReminderView> create(String person, String key, Map<String, Object> body) {
        return http.post().uri("/api/reminders").headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(person)))
                .header(IdempotencyKey.HEADER, key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectBody(ReminderView.class).returnResult();
    }
}
