package org.mhconnect.reminder.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;

/**
 * A person's reminders through {@code /api/reminders}: made in the friendly form or from an RRULE, listed, read,
 * changed with the version read, removed, stopped and resumed, skipped and snoozed, and their coming occurrences,
 * also of a schedule that is not saved.
 */
@ReminderIntegrationTest
class RemindersApiTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS =
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    @Autowired
    RestTestClient http;

    ApiCalls api;
    String person;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = newPerson();
    }

    @Test
    void aReminderInTheFriendlyFormIsSavedAsAnRruleAndShownBackAsTimesAndWeekdays() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Reply reply = api.post(person, "/api/reminders", weekdayEvenings("Evening journal"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.contentType()).isNotNull().satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
        ReminderView created = reply.as(ReminderView.class);
        assertThat(created.id()).matches("[0-9a-f-]{36}");
        assertThat(created.kind()).isEqualTo("custom");
        assertThat(created.title()).isEqualTo("Evening journal");
        assertThat(created.message()).isEqualTo("A gentle reminder you set for yourself.");
        assertThat(created.channels()).containsExactly("inbox");
        assertThat(created.gracePeriodMinutes()).isEqualTo(60);
        assertThat(created.active()).isTrue();
        assertThat(created.skipThrough()).isNull();
        assertThat(created.snoozes()).isEmpty();
        assertThat(created.version()).isZero();
        assertThat(created.createdAt()).isAfterOrEqualTo(before).isEqualTo(created.updatedAt());
        assertThat(created.schedule().rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=21;BYMINUTE=0");
        assertThat(created.schedule().timeZone()).isEqualTo("Europe/Berlin");
        assertThat(created.schedule().start()).endsWith("T00:00");
        assertThat(created.schedule().times()).containsExactly("21:00");
        assertThat(created.schedule().weekdays()).containsExactly("MO", "TU", "WE", "TH", "FR");
    }

    @Test
    void theNextOccurrencesOfANewReminderLieAheadAtTheChosenLocalTimeWithTheirOffset() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        assertThat(created.next()).hasSize(3).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        for (OccurrenceView next : created.next()) {
            OffsetDateTime local = OffsetDateTime.parse(next.local());
            assertThat(next.at()).isAfter(Instant.now());
            assertThat(local.toInstant()).isEqualTo(next.at());
            assertThat(local.getHour()).isEqualTo(21);
            assertThat(local.getMinute()).isZero();
            assertThat(local.getDayOfWeek()).isIn(WEEKDAYS);
            assertThat(local.getOffset()).isEqualTo(BERLIN.getRules().getOffset(next.at()));
            assertThat(next.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(next.shifted()).isFalse();
        }
    }

    @Test
    void aReminderCanBeMadeFromAnRruleAndALocalStart() {
        Map<String, Object> body = reminder("practice", "Monthly walk", Map.of(
                "rrule", "RRULE:FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=30",
                "start", "2027-01-04T09:30", "timeZone", "Europe/Berlin"));
        body.put("message", "  A slow walk outside.  ");
        body.put("practiceSlug", "mindful-walking");
        body.put("channels", List.of("inbox", "email"));
        body.put("gracePeriodMinutes", 15);

        ReminderView created = api.create(person, body);

        assertThat(created.kind()).isEqualTo("practice");
        assertThat(created.message()).isEqualTo("A slow walk outside.");
        assertThat(created.practiceSlug()).isEqualTo("mindful-walking");
        assertThat(created.channels()).containsExactly("email", "inbox");
        assertThat(created.gracePeriodMinutes()).isEqualTo(15);
        assertThat(created.schedule().rrule()).isEqualTo("FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9;BYMINUTE=30");
        assertThat(created.schedule().start()).isEqualTo("2027-01-04T09:30");
        assertThat(created.schedule().times()).as("a monthly rule has no friendly form").isNull();
        assertThat(created.schedule().weekdays()).isNull();
        assertThat(created.next()).extracting(OccurrenceView::local)
                .containsExactly("2027-01-04T09:30:00+01:00", "2027-02-01T09:30:00+01:00", "2027-03-01T09:30:00+01:00");
    }

    @Test
    void theListHoldsOnlyTheCallersOwnRemindersOldestFirstAndSaysTheLimit() {
        String first = api.create(person, weekdayEvenings("First")).id();
        String second = api.create(person, weekdayEvenings("Second")).id();
        String third = api.create(person, weekdayEvenings("Third")).id();
        api.create(newPerson(), weekdayEvenings("Someone else's"));

        Reply reply = api.get(person, "/api/reminders");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("limit", 50);
        List<ReminderView> items = reply.as(ReminderListShape.class).items();
        assertThat(items).extracting(ReminderView::id).containsExactly(first, second, third);
        assertThat(items).extracting(ReminderView::title).containsExactly("First", "Second", "Third");
        assertThat(items).extracting(ReminderView::createdAt).isSorted();
    }

    @Test
    void someoneWithoutRemindersGetsAnEmptyList() {
        Reply reply = api.get(person, "/api/reminders");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("items", List.of()).containsEntry("limit", 50);
    }

    @Test
    void aReminderIsReadByItsId() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        Reply reply = api.get(person, "/api/reminders/{id}", created.id());

        assertThat(reply.status()).isEqualTo(200);
        ReminderView read = reply.as(ReminderView.class);
        assertThat(read).usingRecursiveComparison().ignoringFields("next").isEqualTo(created);
    }

    @Test
    void anUpdateWithTheVersionReadReplacesTheReminderAndCountsTheVersionOn() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        Map<String, Object> change = reminder("journal", "Morning pages",
                Map.of("times", List.of("07:30"), "timeZone", "Europe/Berlin"));
        change.put("channels", List.of("email"));
        change.put("version", created.version());

        Reply reply = api.put(person, "/api/reminders/{id}", change, created.id());

        assertThat(reply.status()).isEqualTo(200);
        ReminderView updated = reply.as(ReminderView.class);
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        assertThat(updated.kind()).isEqualTo("journal");
        assertThat(updated.title()).isEqualTo("Morning pages");
        assertThat(updated.message()).startsWith("A few quiet minutes for your journal");
        assertThat(updated.channels()).containsExactly("email");
        assertThat(updated.schedule().rrule()).isEqualTo("FREQ=DAILY;BYHOUR=7;BYMINUTE=30");
        assertThat(updated.schedule().times()).containsExactly("07:30");
        assertThat(updated.schedule().weekdays()).isEmpty();
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class))
                .usingRecursiveComparison().ignoringFields("next").isEqualTo(updated);
        assertThat(api.reminderIds(person)).containsExactly(created.id());
    }

    @Test
    void anUpdateFromAStaleVersionIsRefusedWithTheCurrentVersionAndChangesNothing() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        Map<String, Object> firstChange = weekdayEvenings("Changed once");
        firstChange.put("version", created.version());
        ReminderView current = api.put(person, "/api/reminders/{id}", firstChange, created.id()).as(ReminderView.class);

        Map<String, Object> staleChange = weekdayEvenings("Changed from an old copy");
        staleChange.put("version", created.version());
        Reply reply = api.put(person, "/api/reminders/{id}", staleChange, created.id());

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json()).containsEntry("currentVersion", (int) current.version());
        ReminderView afterwards = api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class);
        assertThat(afterwards.title()).isEqualTo("Changed once");
        assertThat(afterwards.version()).isEqualTo(current.version());
    }

    @Test
    void changingOnlyTheWordsOfAReminderKeepsItsPendingSkipAndSnooze() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        ReminderView skippedAndSnoozed = skipAndSnooze(created.id());
        Map<String, Object> change = weekdayEvenings("Evening journal, gently");
        change.put("version", skippedAndSnoozed.version());

        ReminderView updated = api.put(person, "/api/reminders/{id}", change, created.id()).as(ReminderView.class);

        assertThat(updated.title()).isEqualTo("Evening journal, gently");
        assertThat(updated.skipThrough()).isNotNull().isEqualTo(skippedAndSnoozed.skipThrough());
        assertThat(updated.snoozes()).isNotEmpty().isEqualTo(skippedAndSnoozed.snoozes());
    }

    @Test
    void changingOnlyTheWordsOfAFriendlyReminderMadeTheDayBeforeKeepsItsPendingSkipAndSnooze() {
        // What a reminder in the friendly form made yesterday holds: its times counted from yesterday.
        Map<String, Object> body = weekdayEvenings("Evening journal");
        body.put("schedule", Map.of("times", List.of("21:00"), "weekdays", List.of("MO", "TU", "WE", "TH", "FR"),
                "timeZone", "Europe/Berlin", "start", java.time.LocalDate.now(BERLIN).minusDays(1) + "T00:00"));
        ReminderView created = api.create(person, body);
        ReminderView skippedAndSnoozed = skipAndSnooze(created.id());
        // The form sends the friendly schedule back as it shows it: times, weekdays and zone.
        Map<String, Object> change = weekdayEvenings("Evening journal, gently");
        change.put("version", skippedAndSnoozed.version());

        ReminderView updated = api.put(person, "/api/reminders/{id}", change, created.id()).as(ReminderView.class);

        assertThat(updated.title()).isEqualTo("Evening journal, gently");
        assertThat(updated.skipThrough()).isNotNull().isEqualTo(skippedAndSnoozed.skipThrough());
        assertThat(updated.snoozes()).isNotEmpty().isEqualTo(skippedAndSnoozed.snoozes());
        assertThat(updated.next()).extracting(OccurrenceView::at).isEqualTo(created.next().stream().map(OccurrenceView::at).toList());
    }

    @Test
    void aNewScheduleDropsTheSkipAndSnoozeOfTheOldOne() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        ReminderView skippedAndSnoozed = skipAndSnooze(created.id());
        Map<String, Object> change = weekdayEvenings("Evening journal");
        change.put("schedule", Map.of("times", List.of("20:30"), "weekdays", List.of("MO", "TU", "WE", "TH", "FR"),
                "timeZone", "Europe/Berlin"));
        change.put("version", skippedAndSnoozed.version());

        ReminderView updated = api.put(person, "/api/reminders/{id}", change, created.id()).as(ReminderView.class);

        assertThat(updated.schedule().times()).containsExactly("20:30");
        assertThat(updated.skipThrough()).isNull();
        assertThat(updated.snoozes()).isEmpty();
    }

    @Test
    void ofTwoUpdatesFromTheSameVersionAtOnceOneWinsAndTheOtherIsToldTheNewVersion() throws Exception {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Callable<Reply>> updates = List.of("One", "Other").stream()
                .<java.util.concurrent.Callable<Reply>>map(title -> () -> {
                    Map<String, Object> change = weekdayEvenings(title);
                    change.put("version", created.version());
                    start.await();
                    return api.put(person, "/api/reminders/{id}", change, created.id());
                }).toList();

        List<Reply> replies;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var futures = updates.stream().map(pool::submit).toList();
            start.countDown();
            replies = new java.util.ArrayList<>();
            for (var future : futures) {
                replies.add(future.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        }

        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
        Reply won = replies.stream().filter(reply -> reply.status() == 200).findFirst().orElseThrow();
        Reply lost = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
        assertThat(lost.json()).containsEntry("currentVersion", (int) created.version() + 1);
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).title())
                .isEqualTo(won.as(ReminderView.class).title());
    }

    @Test
    void anUpdateMustSayWhichVersionItChanges() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        Reply reply = api.put(person, "/api/reminders/{id}", weekdayEvenings("No version"), created.id());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).containsExactly("version");
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).title()).isEqualTo("Evening journal");
    }

    @Test
    void aNewReminderHasNoVersionYet() {
        Map<String, Object> body = weekdayEvenings("With a version");
        body.put("version", 3);

        Reply reply = api.post(person, "/api/reminders", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("version");
        assertThat(api.reminderIds(person)).isEmpty();
    }

    @Test
    void aDeletedReminderIsGoneFromTheListAndCannotBeReadAgain() {
        String kept = api.create(person, weekdayEvenings("Kept")).id();
        String removed = api.create(person, weekdayEvenings("Removed")).id();

        Reply reply = api.delete(person, "/api/reminders/{id}", removed);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(api.get(person, "/api/reminders/{id}", removed).status()).isEqualTo(404);
        assertThat(api.get(person, "/api/reminders/{id}", removed).isProblem()).isTrue();
        assertThat(api.delete(person, "/api/reminders/{id}", removed).status()).isEqualTo(404);
        assertThat(api.reminderIds(person)).containsExactly(kept);
    }

    @Test
    void aStoppedReminderHasNoNextOccurrenceUntilItIsResumed() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        Reply stopped = api.post(person, "/api/reminders/{id}/stop", null, created.id());

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.as(ReminderView.class).active()).isFalse();
        assertThat(stopped.as(ReminderView.class).next()).isEmpty();
        assertThat(stopped.as(ReminderView.class).version()).isEqualTo(created.version() + 1);
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).active()).isFalse();

        Reply resumed = api.post(person, "/api/reminders/{id}/resume", null, created.id());

        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.as(ReminderView.class).active()).isTrue();
        assertThat(resumed.as(ReminderView.class).next()).hasSize(3);
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).active()).isTrue();
    }

    @Test
    void skipNextSkipsExactlyTheFirstUpcomingOccurrence() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        Instant firstUpcoming = occurrences(created.id(), 1).getFirst().at();

        Reply reply = api.post(person, "/api/reminders/{id}/skip-next", null, created.id());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.as(ReminderView.class).skipThrough()).isEqualTo(firstUpcoming);
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).skipThrough())
                .isEqualTo(firstUpcoming);
    }

    @Test
    void skippingTwiceSkipsTheOccurrenceAfterTheSkippedOneToo() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        List<OccurrenceView> upcoming = occurrences(created.id(), 2);

        api.post(person, "/api/reminders/{id}/skip-next", null, created.id());
        Reply reply = api.post(person, "/api/reminders/{id}/skip-next", null, created.id());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.as(ReminderView.class).skipThrough()).isEqualTo(upcoming.get(1).at());
    }

    @Test
    void snoozingForFifteenMinutesAddsOneMoreOccurrenceAQuarterOfAnHourAhead() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));
        Instant before = Instant.now();

        Reply reply = api.post(person, "/api/reminders/{id}/snooze", Map.of("delay", "15m"), created.id());

        assertThat(reply.status()).isEqualTo(200);
        ReminderView snoozed = reply.as(ReminderView.class);
        assertThat(snoozed.snoozes()).singleElement().satisfies(at -> {
            assertThat(at).isBetween(before.plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(15)));
            assertThat(at).isEqualTo(at.truncatedTo(ChronoUnit.MINUTES));
        });
        assertThat(snoozed.schedule().rrule()).as("the schedule itself goes on").isEqualTo(created.schedule().rrule());
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).snoozes())
                .isEqualTo(snoozed.snoozes());
    }

    @Test
    void snoozingAsksForOneOfTheKnownDelays() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        Reply reply = api.post(person, "/api/reminders/{id}/snooze", Map.of("delay", "2h"), created.id());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).containsExactly("delay");
        assertThat(api.get(person, "/api/reminders/{id}", created.id()).as(ReminderView.class).snoozes()).isEmpty();
    }

    @Test
    void theOccurrencesOfAReminderAreTheNextOnesInOrderInUtcAndInLocalTime() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        Reply reply = api.get(person, "/api/reminders/{id}/occurrences?count=10", created.id());

        assertThat(reply.status()).isEqualTo(200);
        List<OccurrenceView> occurrences = reply.as(new TypeReference<List<OccurrenceView>>() {
        });
        assertThat(occurrences).hasSize(10);
        assertThat(occurrences).extracting(OccurrenceView::at).isSorted().doesNotHaveDuplicates()
                .allSatisfy(at -> assertThat(at).isAfter(Instant.now()));
        assertThat(reply.jsonList()).allSatisfy(item -> assertThat(item.get("at").toString()).endsWith("Z"));
        for (OccurrenceView occurrence : occurrences) {
            OffsetDateTime local = OffsetDateTime.parse(occurrence.local());
            assertThat(occurrence.local()).matches("\\d{4}-\\d{2}-\\d{2}T21:00:00\\+0[12]:00");
            assertThat(local.toInstant()).isEqualTo(occurrence.at());
            assertThat(local.getDayOfWeek()).isIn(WEEKDAYS);
        }
    }

    @Test
    void withoutACountTheOccurrencesAreTheNextFive() {
        ReminderView created = api.create(person, weekdayEvenings("Evening journal"));

        assertThat(api.get(person, "/api/reminders/{id}/occurrences", created.id()).jsonList()).hasSize(5);
    }

    @Test
    void aPreviewShowsTheOccurrencesOfAScheduleThatIsNotSaved() {
        Reply reply = api.post(person, "/api/reminders/preview?count=4",
                Map.of("times", List.of("08:00", "20:00"), "timeZone", "America/New_York"));

        assertThat(reply.status()).isEqualTo(200);
        List<OccurrenceView> occurrences = reply.as(new TypeReference<List<OccurrenceView>>() {
        });
        assertThat(occurrences).hasSize(4);
        assertThat(occurrences).extracting(OccurrenceView::at).isSorted().allSatisfy(at -> assertThat(at).isAfter(Instant.now()));
        assertThat(occurrences).extracting(occurrence -> OffsetDateTime.parse(occurrence.local()).getHour())
                .containsAnyOf(8, 20).allSatisfy(hour -> assertThat(hour).isIn(8, 20));
        assertThat(occurrences).extracting(OccurrenceView::timeZone).containsOnly("America/New_York");
        assertThat(api.reminderIds(person)).as("a preview saves nothing").isEmpty();
    }

    @Test
    void aPreviewMovesAnOccurrenceInTheSpringForwardGapLaterAndSaysSo() {
        Reply reply = api.post(person, "/api/reminders/preview?count=3",
                Map.of("rrule", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", "start", "2027-03-27T02:30", "timeZone", "Europe/Berlin"));

        assertThat(reply.status()).isEqualTo(200);
        List<OccurrenceView> occurrences = reply.as(new TypeReference<List<OccurrenceView>>() {
        });
        assertThat(occurrences).extracting(OccurrenceView::local, OccurrenceView::shifted).containsExactly(
                tuple("2027-03-27T02:30:00+01:00", false),
                tuple("2027-03-28T03:30:00+02:00", true),
                tuple("2027-03-29T02:30:00+02:00", false));
        assertThat(occurrences).extracting(OccurrenceView::at).containsExactly(
                Instant.parse("2027-03-27T01:30:00Z"), Instant.parse("2027-03-28T01:30:00Z"), Instant.parse("2027-03-29T00:30:00Z"));
    }

    @Test
    void aPreviewOfABadScheduleIsRefusedLikeTheReminderItself() {
        Reply reply = api.post(person, "/api/reminders/preview",
                Map.of("rrule", "FREQ=HOURLY", "start", "2027-03-27T02:30", "timeZone", "Europe/Berlin"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).containsExactly("schedule.rrule");
    }

    private ReminderView skipAndSnooze(String id) {
        assertThat(api.post(person, "/api/reminders/{id}/skip-next", null, id).status()).isEqualTo(200);
        Reply snoozed = api.post(person, "/api/reminders/{id}/snooze", Map.of("delay", "1h"), id);
        assertThat(snoozed.status()).isEqualTo(200);
        return snoozed.as(ReminderView.class);
    }

    private List<OccurrenceView> occurrences(String id, int count) {
        return api.get(person, "/api/reminders/{id}/occurrences?count={count}", id, count)
                .as(new TypeReference<List<OccurrenceView>>() {
                });
    }

    /** The list's shape, read into the real view. */
    record ReminderListShape(List<ReminderView> items, int limit) {
    }

    static Map<String, Object> reminder(String kind, String title, Map<String, Object> schedule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("channels", List.of("inbox"));
        body.put("schedule", schedule);
        return body;
    }
}
