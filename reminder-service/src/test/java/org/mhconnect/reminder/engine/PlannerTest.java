package org.mhconnect.reminder.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.DUE;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.MISSED;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.SKIPPED_NEXT;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.SKIPPED_PAUSED;
import static org.mhconnect.events.reminder.ReminderDue.Outcome.SKIPPED_QUIET_HOURS;
import static org.mhconnect.reminder.engine.ScheduleRecords.dailyAt;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine's decisions without Kafka: the next occurrence, when it is handled, and what becomes of it. Times are in
 * Europe/Berlin, UTC+1 in winter and UTC+2 in summer.
 */
class PlannerTest {

    private static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant NINE_PM = Instant.parse("2026-12-01T20:00:00Z");

    @Nested
    class Plan {

        @Test
        void theNextOccurrenceIsTheRulesFirstStrictlyAfterTheGivenInstant() {
            ScheduleRecord schedule = dailyAt("21:00").record();

            EngineEntry entry = Planner.plan(schedule, NOON, null);

            assertThat(entry.schedule()).isEqualTo(schedule);
            assertThat(entry.next()).isEqualTo(NINE_PM);
            assertThat(entry.fireAt()).isEqualTo(NINE_PM);
            assertThat(entry.snoozed()).isFalse();
            assertThat(entry.lastScheduled()).isNull();
        }

        @Test
        void anOccurrenceExactlyAtTheGivenInstantIsNotTheNextOne() {
            EngineEntry entry = Planner.plan(dailyAt("21:00").record(), NINE_PM, NINE_PM);

            assertThat(entry.next()).isEqualTo("2026-12-02T20:00:00Z");
            assertThat(entry.lastScheduled()).isEqualTo(NINE_PM);
        }

        @Test
        void aSnoozeBeforeTheRulesNextOccurrenceComesFirst() {
            Instant snooze = Instant.parse("2026-12-01T15:00:00Z");
            ScheduleRecord schedule = dailyAt("21:00").snoozedTo(Instant.parse("2026-12-01T10:00:00Z"), snooze).record();

            EngineEntry entry = Planner.plan(schedule, NOON, null);

            assertThat(entry.next()).isEqualTo(snooze);
            assertThat(entry.fireAt()).isEqualTo(snooze);
            assertThat(entry.snoozed()).isTrue();
            assertThat(Planner.plan(schedule, snooze, snooze).next()).isEqualTo(NINE_PM);
        }

        @Test
        void aSnoozeAfterTheRulesNextOccurrenceWaitsItsTurn() {
            ScheduleRecord schedule = dailyAt("21:00").snoozedTo(Instant.parse("2026-12-01T20:15:00Z")).record();

            EngineEntry rule = Planner.plan(schedule, NOON, null);
            EngineEntry snooze = Planner.plan(schedule, rule.next(), rule.next());

            assertThat(rule.next()).isEqualTo(NINE_PM);
            assertThat(rule.snoozed()).isFalse();
            assertThat(snooze.next()).isEqualTo("2026-12-01T20:15:00Z");
            assertThat(snooze.snoozed()).isTrue();
        }

        @Test
        void aStoppedReminderHasNoNextOccurrence() {
            EngineEntry entry = Planner.plan(dailyAt("21:00").stopped().snoozedTo(NINE_PM).record(), NOON, NOON);

            assertThat(entry.next()).isNull();
            assertThat(entry.fireAt()).isNull();
            assertThat(entry.lastScheduled()).isEqualTo(NOON);
        }

        @Test
        void aScheduleThatHasEndedHasNoNextOccurrence() {
            ScheduleRecord twice = dailyAt("21:00").rrule("FREQ=DAILY;COUNT=2").startingAt("2026-12-01T21:00").record();

            assertThat(Planner.plan(twice, NOON, null).next()).isEqualTo(NINE_PM);
            assertThat(Planner.plan(twice, NINE_PM, NINE_PM).next()).isEqualTo("2026-12-02T20:00:00Z");
            EngineEntry ended = Planner.plan(twice, Instant.parse("2026-12-02T20:00:00Z"), null);
            assertThat(ended.next()).isNull();
            assertThat(ended.fireAt()).isNull();
        }

        @Test
        void aTimeTheClocksSkipFiresLaterByTheGapAndATimeTheyRepeatFiresOnce() {
            ScheduleRecord halfPastTwo = dailyAt("02:30").startingAt("2027-01-01T02:30").record();

            assertThat(Planner.plan(halfPastTwo, Instant.parse("2027-03-27T12:00:00Z"), null).next())
                    .isEqualTo("2027-03-28T01:30:00Z");
            assertThat(Planner.plan(halfPastTwo, Instant.parse("2027-10-30T12:00:00Z"), null).next())
                    .isEqualTo("2027-10-31T00:30:00Z");
            assertThat(Planner.plan(halfPastTwo, Instant.parse("2027-10-31T00:30:00Z"), null).next())
                    .isEqualTo("2027-11-01T01:30:00Z");
        }

        @Test
        void inDelayModeAnOccurrenceInQuietHoursIsHandledWhenTheyEnd() {
            EngineEntry entry = Planner.plan(dailyAt("23:00").quietHours("22:00", "07:00", "DELAY").record(), NOON, null);

            assertThat(entry.next()).isEqualTo("2026-12-01T22:00:00Z");
            assertThat(entry.fireAt()).isEqualTo("2026-12-02T06:00:00Z");
        }
    }

    @Nested
    class Outcomes {

        private EngineEntry entry(ScheduleRecords reminder, Instant next, boolean snoozed) {
            ScheduleRecord schedule = reminder.record();
            return new EngineEntry(schedule, next, Planner.fireAt(schedule, next), snoozed, null);
        }

        @Test
        void anOccurrenceHandledOnTimeIsDue() {
            assertThat(Planner.outcome(entry(dailyAt("21:00"), NINE_PM, false), NINE_PM)).isEqualTo(DUE);
        }

        @Test
        void anOccurrenceIsDueUntilTheEndOfItsGracePeriodAndMissedAfterIt() {
            EngineEntry entry = entry(dailyAt("21:00").graceMinutes(60), NINE_PM, false);

            assertThat(Planner.outcome(entry, NINE_PM.plusSeconds(3600))).isEqualTo(DUE);
            assertThat(Planner.outcome(entry, NINE_PM.plusSeconds(3600).plusMillis(1))).isEqualTo(MISSED);
        }

        @Test
        void theGracePeriodOfADelayedOccurrenceCountsFromTheEndOfQuietHours() {
            EngineEntry entry = entry(dailyAt("23:00").quietHours("22:00", "07:00", "DELAY").graceMinutes(60),
                    Instant.parse("2026-12-01T22:00:00Z"), false);

            assertThat(Planner.outcome(entry, Instant.parse("2026-12-02T06:30:00Z"))).isEqualTo(DUE);
            assertThat(Planner.outcome(entry, Instant.parse("2026-12-02T07:00:01Z"))).isEqualTo(MISSED);
        }

        @Test
        void skipNextSkipsRuleOccurrencesUpToAndIncludingItsInstant() {
            ScheduleRecords reminder = dailyAt("21:00").skipThrough(NINE_PM);

            assertThat(Planner.outcome(entry(reminder, NINE_PM, false), NINE_PM)).isEqualTo(SKIPPED_NEXT);
            assertThat(Planner.outcome(entry(reminder, NINE_PM.minusSeconds(86_400), false), NINE_PM))
                    .isEqualTo(SKIPPED_NEXT);
            Instant nextDay = Instant.parse("2026-12-02T20:00:00Z");
            assertThat(Planner.outcome(entry(reminder, nextDay, false), nextDay)).isEqualTo(DUE);
        }

        @Test
        void skipNextDoesNotSkipASnooze() {
            Instant snooze = Instant.parse("2026-12-01T15:00:00Z");

            assertThat(Planner.outcome(entry(dailyAt("21:00").skipThrough(NINE_PM).snoozedTo(snooze), snooze, true), snooze))
                    .isEqualTo(DUE);
        }

        @Test
        void occurrencesBeforeTheEndOfAPauseAreSkippedAndOneAtItsEndIsDue() {
            Instant pausedUntil = Instant.parse("2026-12-02T20:00:00Z");
            ScheduleRecords reminder = dailyAt("21:00").pausedUntil(pausedUntil);

            assertThat(Planner.outcome(entry(reminder, NINE_PM, false), NINE_PM)).isEqualTo(SKIPPED_PAUSED);
            assertThat(Planner.outcome(entry(reminder, NINE_PM, true), NINE_PM)).as("a snooze too").isEqualTo(SKIPPED_PAUSED);
            assertThat(Planner.outcome(entry(reminder, pausedUntil, false), pausedUntil)).isEqualTo(DUE);
        }

        @Test
        void inSkipModeAnOccurrenceInQuietHoursIsSkipped() {
            ScheduleRecords reminder = dailyAt("23:00").quietHours("22:00", "07:00", "SKIP");
            Instant elevenPm = Instant.parse("2026-12-01T22:00:00Z");

            assertThat(Planner.outcome(entry(reminder, elevenPm, false), elevenPm)).isEqualTo(SKIPPED_QUIET_HOURS);
            assertThat(Planner.outcome(entry(reminder, elevenPm, false), elevenPm.plusSeconds(86_400)))
                    .as("even long after").isEqualTo(SKIPPED_QUIET_HOURS);
            assertThat(Planner.outcome(entry(reminder, NINE_PM, false), NINE_PM)).isEqualTo(DUE);
        }

        @Test
        void aPauseOutranksSkipNextWhichOutranksQuietHoursWhichOutrankLateness() {
            Instant elevenPm = Instant.parse("2026-12-01T22:00:00Z");
            Instant muchLater = elevenPm.plusSeconds(86_400);
            ScheduleRecords quiet = dailyAt("23:00").quietHours("22:00", "07:00", "SKIP");

            assertThat(Planner.outcome(entry(quiet, elevenPm, false), muchLater)).isEqualTo(SKIPPED_QUIET_HOURS);
            assertThat(Planner.outcome(entry(quiet.skipThrough(elevenPm), elevenPm, false), muchLater)).isEqualTo(SKIPPED_NEXT);
            assertThat(Planner.outcome(entry(quiet.pausedUntil(muchLater), elevenPm, false), muchLater))
                    .isEqualTo(SKIPPED_PAUSED);
        }
    }

    @Nested
    class FireAt {

        @Test
        void withoutQuietHoursAnOccurrenceIsHandledAtItsOwnTime() {
            assertThat(Planner.fireAt(dailyAt("23:00").record(), Instant.parse("2026-12-01T22:00:00Z")))
                    .isEqualTo("2026-12-01T22:00:00Z");
        }

        @Test
        void inDelayModeAnEveningOccurrenceWaitsForTheNextMorning() {
            ScheduleRecord schedule = dailyAt("23:00").quietHours("22:00", "07:00", "DELAY").record();

            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-01T22:00:00Z"))).isEqualTo("2026-12-02T06:00:00Z");
            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-01T21:00:00Z"))).as("22:00 exactly")
                    .isEqualTo("2026-12-02T06:00:00Z");
        }

        @Test
        void inDelayModeAnOccurrenceAfterMidnightWaitsForThatSameMorning() {
            ScheduleRecord schedule = dailyAt("01:00").quietHours("22:00", "07:00", "DELAY").record();

            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-02T00:00:00Z"))).isEqualTo("2026-12-02T06:00:00Z");
            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-02T05:59:00Z"))).isEqualTo("2026-12-02T06:00:00Z");
        }

        @Test
        void inDelayModeTheEndOfQuietHoursIsReadInSummerTimeInSummer() {
            ScheduleRecord schedule = dailyAt("23:00").quietHours("22:00", "07:00", "DELAY").record();

            assertThat(Planner.fireAt(schedule, Instant.parse("2026-07-01T21:00:00Z"))).isEqualTo("2026-07-02T05:00:00Z");
        }

        @Test
        void inDelayModeQuietHoursWithinADayEndTheSameDay() {
            ScheduleRecord schedule = dailyAt("13:30").quietHours("13:00", "15:00", "DELAY").record();

            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-01T12:30:00Z"))).isEqualTo("2026-12-01T14:00:00Z");
            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-01T14:00:00Z"))).as("15:00 is outside")
                    .isEqualTo("2026-12-01T14:00:00Z");
        }

        @Test
        void theEndOfQuietHoursIsAnInstantTheClocksShowEvenOnTheSpringForwardNight() {
            // 02:00 to 03:00 does not exist in Berlin on 28 March 2027; quiet hours "until 02:30" end at 03:30 CEST.
            ScheduleRecord schedule = dailyAt("01:30").quietHours("01:00", "02:30", "DELAY").record();

            assertThat(Planner.fireAt(schedule, Instant.parse("2027-03-28T00:30:00Z"))).isEqualTo("2027-03-28T01:30:00Z");
        }

        @Test
        void inSkipModeTheOccurrenceKeepsItsOwnTime() {
            ScheduleRecord schedule = dailyAt("23:00").quietHours("22:00", "07:00", "SKIP").record();

            assertThat(Planner.fireAt(schedule, Instant.parse("2026-12-01T22:00:00Z"))).isEqualTo("2026-12-01T22:00:00Z");
        }
    }

    @Nested
    class InQuietHours {

        @Test
        void aWindowAcrossMidnightIncludesItsStartAndExcludesItsEnd() {
            ScheduleRecord schedule = dailyAt("23:00").quietHours("22:00", "07:00", "DELAY").record();

            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T20:59:00Z"))).as("21:59").isFalse();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T21:00:00Z"))).as("22:00").isTrue();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T23:00:00Z"))).as("00:00").isTrue();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-02T05:59:00Z"))).as("06:59").isTrue();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-02T06:00:00Z"))).as("07:00").isFalse();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-02T11:00:00Z"))).as("12:00").isFalse();
        }

        @Test
        void aWindowWithinADayIncludesItsStartAndExcludesItsEnd() {
            ScheduleRecord schedule = dailyAt("13:30").quietHours("13:00", "15:00", "SKIP").record();

            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T11:59:00Z"))).as("12:59").isFalse();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T12:00:00Z"))).as("13:00").isTrue();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T13:59:00Z"))).as("14:59").isTrue();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T14:00:00Z"))).as("15:00").isFalse();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-12-01T23:30:00Z"))).as("00:30").isFalse();
        }

        @Test
        void theWindowIsReadInLocalTimeWhateverTheOffset() {
            ScheduleRecord schedule = dailyAt("23:00").quietHours("22:00", "07:00", "DELAY").record();

            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-07-01T20:00:00Z"))).as("22:00 CEST").isTrue();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-07-01T19:59:00Z"))).as("21:59 CEST").isFalse();
            assertThat(Planner.inQuietHours(schedule, Instant.parse("2026-07-02T05:00:00Z"))).as("07:00 CEST").isFalse();
        }

        @Test
        void withoutQuietHoursNothingIsInThem() {
            assertThat(Planner.inQuietHours(dailyAt("23:00").record(), Instant.parse("2026-12-01T22:00:00Z"))).isFalse();
        }
    }
}
