package org.mhconnect.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * What the parts of an RRULE mean, as lib-recur expands them from the start. In Asia/Tokyo, which has no daylight
 * saving, so only the rule is at play; the time zones have {@link DaylightSavingTest}.
 */
class ScheduleRulesTest {

    private static final String TOKYO = "Asia/Tokyo";

    @Test
    void aDailyRuleFiresAtTheStartTimeEveryDay() {
        assertThat(firstLocalTimes("FREQ=DAILY", "2027-01-01T08:00", 3)).containsExactly(
                LocalDateTime.parse("2027-01-01T08:00"),
                LocalDateTime.parse("2027-01-02T08:00"),
                LocalDateTime.parse("2027-01-03T08:00"));
    }

    @Test
    void anIntervalSkipsPeriods() {
        assertThat(firstLocalTimes("FREQ=DAILY;INTERVAL=3", "2027-01-01T08:00", 3)).containsExactly(
                LocalDateTime.parse("2027-01-01T08:00"),
                LocalDateTime.parse("2027-01-04T08:00"),
                LocalDateTime.parse("2027-01-07T08:00"));
        // 2027-01-01 is a Friday: its week's Monday is before the start, so the next Monday two weeks on is first.
        assertThat(LocalDate.parse("2027-01-01").getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(firstLocalTimes("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2027-01-01T08:00", 3)).containsExactly(
                LocalDateTime.parse("2027-01-11T08:00"),
                LocalDateTime.parse("2027-01-25T08:00"),
                LocalDateTime.parse("2027-02-08T08:00"));
    }

    @Test
    void theStartFiresOnlyIfTheRuleMatchesIt() {
        assertThat(firstLocalTimes("FREQ=WEEKLY;BYDAY=MO", "2027-01-01T08:00", 2)).containsExactly(
                LocalDateTime.parse("2027-01-04T08:00"),
                LocalDateTime.parse("2027-01-11T08:00"));
        assertThat(firstLocalTimes("FREQ=DAILY;BYHOUR=21;BYMINUTE=0", "2027-01-01T08:00", 1))
                .containsExactly(LocalDateTime.parse("2027-01-01T21:00"));
    }

    @Test
    void whatTheRuleLeavesOpenComesFromTheStart() {
        // No BYMINUTE: the minute of the start.
        assertThat(firstLocalTimes("FREQ=DAILY;BYHOUR=9", "2027-01-01T07:45", 2)).containsExactly(
                LocalDateTime.parse("2027-01-01T09:45"),
                LocalDateTime.parse("2027-01-02T09:45"));
        // A weekly rule without BYDAY: the weekday of the start, a Friday.
        assertThat(firstLocalTimes("FREQ=WEEKLY", "2027-01-01T07:45", 2)).containsExactly(
                LocalDateTime.parse("2027-01-01T07:45"),
                LocalDateTime.parse("2027-01-08T07:45"));
    }

    @Test
    void byDayWithAnOrdinalPicksThatWeekdayOfTheMonth() {
        List<LocalDateTime> firstMondays = IntStream.rangeClosed(1, 6)
                .mapToObj(month -> YearMonth.of(2027, month).atDay(1)
                        .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).atTime(8, 0))
                .toList();
        List<LocalDateTime> lastFridays = IntStream.rangeClosed(1, 6)
                .mapToObj(month -> YearMonth.of(2027, month).atDay(1)
                        .with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)).atTime(8, 0))
                .toList();

        assertThat(firstLocalTimes("FREQ=MONTHLY;BYDAY=1MO", "2027-01-01T08:00", 6)).isEqualTo(firstMondays);
        assertThat(firstLocalTimes("FREQ=MONTHLY;BYDAY=-1FR", "2027-01-01T08:00", 6)).isEqualTo(lastFridays);
        assertThat(firstLocalTimes("FREQ=MONTHLY;BYDAY=1MO,-1FR", "2027-01-01T08:00", 4)).containsExactly(
                firstMondays.get(0), lastFridays.get(0), firstMondays.get(1), lastFridays.get(1));
    }

    @Test
    void byMonthDayThirtyOneSkipsTheMonthsWithoutOne() {
        assertThat(firstLocalTimes("FREQ=MONTHLY;BYMONTHDAY=31", "2027-01-01T09:00", 7)).containsExactly(
                LocalDateTime.parse("2027-01-31T09:00"),
                LocalDateTime.parse("2027-03-31T09:00"),
                LocalDateTime.parse("2027-05-31T09:00"),
                LocalDateTime.parse("2027-07-31T09:00"),
                LocalDateTime.parse("2027-08-31T09:00"),
                LocalDateTime.parse("2027-10-31T09:00"),
                LocalDateTime.parse("2027-12-31T09:00"));
    }

    @Test
    void byMonthDayMinusOneIsTheLastDayOfEveryMonth() {
        assertThat(firstLocalTimes("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-01-01T09:00", 3)).containsExactly(
                LocalDateTime.parse("2027-01-31T09:00"),
                LocalDateTime.parse("2027-02-28T09:00"),
                LocalDateTime.parse("2027-03-31T09:00"));
    }

    @Test
    void byHourAndByMinuteFireAtEveryHourWithEveryMinute() {
        assertThat(firstLocalTimes("FREQ=DAILY;BYHOUR=8,21;BYMINUTE=0,30", "2027-01-01T00:00", 5)).containsExactly(
                LocalDateTime.parse("2027-01-01T08:00"),
                LocalDateTime.parse("2027-01-01T08:30"),
                LocalDateTime.parse("2027-01-01T21:00"),
                LocalDateTime.parse("2027-01-01T21:30"),
                LocalDateTime.parse("2027-01-02T08:00"));
    }

    @Test
    void countEndsTheScheduleAfterThatManyOccurrences() {
        Schedule schedule = Schedule.parse("FREQ=DAILY;COUNT=3", "2027-01-01T08:00", TOKYO);

        assertThat(Occurrences.next(schedule, Instant.parse("2026-12-01T00:00:00Z"), 10)).hasSize(3);
        // Skipping ahead still counts the occurrences skipped.
        assertThat(Occurrences.next(schedule, Instant.parse("2027-01-02T00:00:00Z"), 10))
                .extracting(Occurrence::scheduledLocal)
                .containsExactly(LocalDateTime.parse("2027-01-03T08:00"));
        assertThat(Occurrences.firstAfter(schedule, Instant.parse("2027-01-03T00:00:00Z"))).isEmpty();
    }

    @Test
    void countCountsFromTheFirstOccurrenceNotFromAStartTheRuleDoesNotMatch() {
        assertThat(firstLocalTimes("FREQ=WEEKLY;BYDAY=MO;COUNT=2", "2027-01-01T08:00", 10)).containsExactly(
                LocalDateTime.parse("2027-01-04T08:00"),
                LocalDateTime.parse("2027-01-11T08:00"));
    }

    @Test
    void aUtcUntilBoundsTheInstantAnOccurrenceFiresAt() {
        // 08:00 in Berlin in January is 07:00 UTC.
        Schedule throughTheThird = Schedule.parse("FREQ=DAILY;UNTIL=20270103T070000Z", "2027-01-01T08:00",
                "Europe/Berlin");
        Schedule beforeTheThird = Schedule.parse("FREQ=DAILY;UNTIL=20270103T065959Z", "2027-01-01T08:00",
                "Europe/Berlin");

        assertThat(Occurrences.next(throughTheThird, Instant.parse("2026-12-31T00:00:00Z"), 10))
                .extracting(Occurrence::at)
                .containsExactly(Instant.parse("2027-01-01T07:00:00Z"), Instant.parse("2027-01-02T07:00:00Z"),
                        Instant.parse("2027-01-03T07:00:00Z"));
        assertThat(Occurrences.next(beforeTheThird, Instant.parse("2026-12-31T00:00:00Z"), 10)).hasSize(2);
    }

    @Test
    void aLocalUntilBoundsTheScheduledLocalTime() {
        assertThat(firstLocalTimes("FREQ=DAILY;UNTIL=20270102T080000", "2027-01-01T08:00", 10)).containsExactly(
                LocalDateTime.parse("2027-01-01T08:00"),
                LocalDateTime.parse("2027-01-02T08:00"));
    }

    @Test
    void anUntilDateCoversItsWholeDay() {
        assertThat(firstLocalTimes("FREQ=DAILY;BYHOUR=8,21;BYMINUTE=0;UNTIL=20270102", "2027-01-01T00:00", 10))
                .containsExactly(
                        LocalDateTime.parse("2027-01-01T08:00"),
                        LocalDateTime.parse("2027-01-01T21:00"),
                        LocalDateTime.parse("2027-01-02T08:00"),
                        LocalDateTime.parse("2027-01-02T21:00"));
    }

    @Test
    void weekStartDecidesWhichWeeksAnIntervalCounts() {
        // RFC 5545's own example, moved to 2027-08-03, a Tuesday as 1997-08-05 was.
        assertThat(LocalDate.parse("2027-08-03").getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);

        assertThat(firstLocalTimes("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "2027-08-03T09:00", 10))
                .containsExactly(
                        LocalDateTime.parse("2027-08-03T09:00"),
                        LocalDateTime.parse("2027-08-08T09:00"),
                        LocalDateTime.parse("2027-08-17T09:00"),
                        LocalDateTime.parse("2027-08-22T09:00"));
        assertThat(firstLocalTimes("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "2027-08-03T09:00", 10))
                .containsExactly(
                        LocalDateTime.parse("2027-08-03T09:00"),
                        LocalDateTime.parse("2027-08-15T09:00"),
                        LocalDateTime.parse("2027-08-17T09:00"),
                        LocalDateTime.parse("2027-08-29T09:00"));
    }

    @Test
    void anRrulePrefixIsAcceptedAndNotKept() {
        Schedule schedule = Schedule.parse("  RRULE:FREQ=DAILY;BYHOUR=8;BYMINUTE=0 ", "2027-01-01T00:00", TOKYO);

        assertThat(schedule.rrule()).isEqualTo("FREQ=DAILY;BYHOUR=8;BYMINUTE=0");
        assertThat(schedule.start()).isEqualTo(LocalDateTime.parse("2027-01-01T00:00"));
        assertThat(schedule.zone().getId()).isEqualTo(TOKYO);
    }

    /** The scheduled local times of the first occurrences, from the start on. */
    @Test
    void aLegacyZoneNameIsKeptUnderItsCurrentName() {
        assertThat(Schedule.parse("FREQ=DAILY", "2027-01-01T08:00", "Europe/Kiev").zone().getId()).isEqualTo("Europe/Kyiv");
        assertThat(Schedule.parse("FREQ=DAILY", "2027-01-01T08:00", " US/Eastern ").zone().getId())
                .isEqualTo("America/New_York");
    }

    private static List<LocalDateTime> firstLocalTimes(String rrule, String start, int count) {
        Schedule schedule = Schedule.parse(rrule, start, TOKYO);
        Instant justBeforeStart = schedule.start().atZone(schedule.zone()).toInstant().minusSeconds(1);
        return Occurrences.next(schedule, justBeforeStart, count).stream().map(Occurrence::scheduledLocal).toList();
    }
}
