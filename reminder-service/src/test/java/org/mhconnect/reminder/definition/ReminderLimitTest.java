package org.mhconnect.reminder.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A person has at most 50 reminders; the limit holds when requests race each other. */
@ReminderIntegrationTest
class ReminderLimitTest {

    private static final ReminderRequest EVERY_WEEKDAY_EVENING = new ReminderRequest("custom", "One of many", null, null,
            Set.of("inbox"), null, new ReminderRequest.ScheduleRequest(null, null, List.of("21:00"),
                    Set.of("MO", "TU", "WE", "TH", "FR"), "Europe/Berlin"), null);

    @Autowired
    RestTestClient http;

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
    void theFiftyFirstReminderIsRefusedAndTheListStillHoldsFifty() {
        List<String> fifty = haveReminders(50);

        Reply reply = api.post(person, "/api/reminders", weekdayEvenings("The fifty-first"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json()).containsEntry("title", "You have 50 reminders already");
        assertThat(api.reminderIds(person)).hasSize(50).containsExactlyElementsOf(fifty);
        assertThat(api.get(person, "/api/reminders").json()).containsEntry("limit", 50);
    }

    @Test
    void removingOneOfFiftyMakesRoomForExactlyOneMore() {
        List<String> fifty = haveReminders(50);

        assertThat(api.delete(person, "/api/reminders/{id}", fifty.getFirst()).status()).isEqualTo(204);

        assertThat(api.post(person, "/api/reminders", weekdayEvenings("In its place")).status()).isEqualTo(201);
        assertThat(api.post(person, "/api/reminders", weekdayEvenings("One too many")).status()).isEqualTo(409);
        assertThat(api.reminderIds(person)).hasSize(50).doesNotContain(fifty.getFirst());
    }

    @Test
    void theLimitIsEachPersonsOwn() {
        haveReminders(50);

        assertThat(api.post(newPerson(), "/api/reminders", weekdayEvenings("Someone else's first")).status()).isEqualTo(201);
    }

    @Test
    void tenConcurrentCreatesWhenFortyFiveExistEndWithExactlyFifty() throws Exception {
        haveReminders(45);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String title = "Racing " + i;
            creates.add(() -> {
                start.await();
                return api.post(person, "/api/reminders", weekdayEvenings(title)).status();
            });
        }

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> results = creates.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(5);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(5);
        assertThat(api.reminderIds(person)).hasSize(50).doesNotHaveDuplicates();
    }

    /** Makes the person's reminders straight through the service, for speed; all alike. */
    private List<String> haveReminders(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(reminders.create(person, EVERY_WEEKDAY_EVENING).id());
        }
        assertThat(api.reminderIds(person)).containsExactlyElementsOf(ids);
        return ids;
    }
}
