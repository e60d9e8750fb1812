package org.mhconnect.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The product's time rules in real time zones: a local time the clocks skip fires later by the length of the gap, a
 * local time they repeat fires once at the earlier instant. The transition dates are checked with java.time's zone
 * rules, not assumed.
 */
class DaylightSavingTest {

    private static final String HALF_PAST_TWO = "FREQ=DAILY;BYHOUR=2;BYMINUTE=30";

    @Test
    void inBerlinHalfPastTwoOnTheSpringForwardDayFiresAtHalfPastThree() {
        assertGap("Europe/Berlin", "2026-03-29T02:30", Duration.ofHours(1));
        Schedule schedule = Schedule.parse(HALF_PAST_TWO, "2026-03-01T00:00", "Europe/Berlin");

        List<Occurrence> occurrences = Occurrences.next(schedule, Instant.parse("2026-03-28T12:00:00Z"), 2);

        assertThat(occurrences.getFirst().scheduledLocal()).isEqualTo(LocalDateTime.parse("2026-03-29T02:30"));
        assertThat(occurrences.getFirst().local()).hasToString("2026-03-29T03:30+02:00[Europe/Berlin]");
        assertThat(occurrences.getFirst().at()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(occurrences.get(1).local()).hasToString("2026-03-30T02:30+02:00[Europe/Berlin]");
    }

    @Test
    void inBerlinHalfPastTwoOnTheFallBackDayFiresOnceAtTheEarlierInstant() {
        assertOverlap("Europe/Berlin", "2026-10-25T02:30");
        Schedule schedule = Schedule.parse(HALF_PAST_TWO, "2026-10-01T00:00", "Europe/Berlin");

        assertThat(Occurrences.next(schedule, Instant.parse("2026-10-24T12:00:00Z"), 2))
                .extracting(Occurrence::local)
                .containsExactly(zoned("2026-10-25T02:30+02:00[Europe/Berlin]"),
                        zoned("2026-10-26T02:30+01:00[Europe/Berlin]"));
        // Right after it fired, the second 02:30 (01:30 UTC) is not another occurrence.
        assertThat(Occurrences.firstAfter(schedule, Instant.parse("2026-10-25T00:30:00Z")).orElseThrow().at())
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void halfHourlyTimesThroughTheFallBackHourFireOnceEach() {
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30", "2026-10-01T00:00",
                "Europe/Berlin");

        assertThat(Occurrences.next(schedule, Instant.parse("2026-10-24T12:00:00Z"), 6))
                .extracting(Occurrence::local)
                .containsExactly(
                        zoned("2026-10-25T01:00+02:00[Europe/Berlin]"),
                        zoned("2026-10-25T01:30+02:00[Europe/Berlin]"),
                        zoned("2026-10-25T02:00+02:00[Europe/Berlin]"),
                        zoned("2026-10-25T02:30+02:00[Europe/Berlin]"),
                        zoned("2026-10-25T03:00+01:00[Europe/Berlin]"),
                        zoned("2026-10-25T03:30+01:00[Europe/Berlin]"));
    }

    @Test
    void inNewYorkTheGapAndTheOverlapAreAnHourEarlierInTheNight() {
        assertGap("America/New_York", "2026-03-08T02:30", Duration.ofHours(1));
        assertOverlap("America/New_York", "2026-11-01T01:30");
        Schedule halfPastTwo = Schedule.parse(HALF_PAST_TWO, "2026-03-01T00:00", "America/New_York");
        Schedule halfPastOne = Schedule.parse("FREQ=DAILY;BYHOUR=1;BYMINUTE=30", "2026-10-01T00:00",
                "America/New_York");

        assertThat(Occurrences.firstAfter(halfPastTwo, Instant.parse("2026-03-08T00:00:00Z")).orElseThrow().local())
                .hasToString("2026-03-08T03:30-04:00[America/New_York]");
        assertThat(Occurrences.next(halfPastOne, Instant.parse("2026-11-01T00:00:00Z"), 2))
                .extracting(Occurrence::at)
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void onLordHoweIslandTheClocksJumpHalfAnHourSoQuarterPastTwoFiresAtQuarterToThree() {
        LocalDate springForward = LocalDate.of(2026, 10, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY));
        assertGap("Australia/Lord_Howe", springForward.atTime(2, 15).toString(), Duration.ofMinutes(30));
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=2;BYMINUTE=15", "2026-09-01T00:00",
                "Australia/Lord_Howe");

        Occurrence occurrence =
                Occurrences.firstAfter(schedule, Instant.parse("2026-10-03T12:00:00Z")).orElseThrow();

        assertThat(occurrence.scheduledLocal()).isEqualTo(springForward.atTime(2, 15));
        assertThat(occurrence.local()).hasToString("2026-10-04T02:45+11:00[Australia/Lord_Howe]");
    }

    @Test
    void timesInAGapComeInTheOrderTheyFireIn() {
        // Clocks jump from 02:00 to 02:30: 02:00 fires at 02:30 and 02:20 at 02:50, while 02:40 is a real 02:40.
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=2;BYMINUTE=0,20,40", "2026-09-01T00:00",
                "Australia/Lord_Howe");

        List<Occurrence> occurrences = Occurrences.next(schedule, Instant.parse("2026-10-03T12:00:00Z"), 4);

        assertThat(occurrences).extracting(occurrence -> occurrence.local().toLocalDateTime()).containsExactly(
                LocalDateTime.parse("2026-10-04T02:30"),
                LocalDateTime.parse("2026-10-04T02:40"),
                LocalDateTime.parse("2026-10-04T02:50"),
                LocalDateTime.parse("2026-10-05T02:00"));
        assertThat(occurrences).extracting(Occurrence::scheduledLocal).containsExactly(
                LocalDateTime.parse("2026-10-04T02:00"),
                LocalDateTime.parse("2026-10-04T02:40"),
                LocalDateTime.parse("2026-10-04T02:20"),
                LocalDateTime.parse("2026-10-05T02:00"));
    }

    @Test
    void twoTimesThatAGapMovesOntoOneInstantFireOnce() {
        // 02:15 and 02:45 move to 03:15 and 03:45, which the rule also asks for.
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=2,3;BYMINUTE=15,45", "2026-03-01T00:00",
                "Europe/Berlin");

        assertThat(Occurrences.next(schedule, Instant.parse("2026-03-28T12:00:00Z"), 3))
                .extracting(Occurrence::at)
                .containsExactly(Instant.parse("2026-03-29T01:15:00Z"), Instant.parse("2026-03-29T01:45:00Z"),
                        Instant.parse("2026-03-30T00:15:00Z"));
    }

    @Test
    void inKathmanduNineInTheEveningIsQuarterPastThreeUtc() {
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=21;BYMINUTE=0", "2026-12-01T00:00", "Asia/Kathmandu");

        Occurrence occurrence = Occurrences.firstAfter(schedule, Instant.parse("2026-12-01T00:00:00Z")).orElseThrow();

        assertThat(occurrence.at()).isEqualTo(Instant.parse("2026-12-01T15:15:00Z"));
        assertThat(occurrence.local()).hasToString("2026-12-01T21:00+05:45[Asia/Kathmandu]");
    }

    @Test
    void withoutDaylightSavingTheUtcTimeStaysTheSameAllYear() {
        assertThat(ZoneId.of("Asia/Tokyo").getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"))).isNull();
        assertThat(ZoneId.of("America/Phoenix").getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z")))
                .isNull();
        Schedule tokyo = Schedule.parse("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-01-01T00:00", "Asia/Tokyo");
        Schedule phoenix = Schedule.parse("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "2026-01-01T00:00",
                "America/Phoenix");

        assertThat(Occurrences.next(tokyo, Instant.parse("2026-01-01T00:00:00Z"), 60))
                .hasSize(60)
                .allSatisfy(occurrence -> assertThat(occurrence.at().toString()).endsWith("T00:00:00Z"));
        assertThat(Occurrences.next(phoenix, Instant.parse("2026-01-01T00:00:00Z"), 60))
                .hasSize(60)
                .allSatisfy(occurrence -> assertThat(occurrence.at().toString()).endsWith("T16:00:00Z"));
    }

    @Test
    void inSydneyTheClocksGoForwardInOctoberAndBackInApril() {
        assertGap("Australia/Sydney", "2026-10-04T02:30", Duration.ofHours(1));
        assertOverlap("Australia/Sydney", "2026-04-05T02:30");
        Schedule schedule = Schedule.parse(HALF_PAST_TWO, "2026-01-01T00:00", "Australia/Sydney");

        assertThat(Occurrences.firstAfter(schedule, Instant.parse("2026-10-03T12:00:00Z")).orElseThrow().local())
                .hasToString("2026-10-04T03:30+11:00[Australia/Sydney]");
        assertThat(Occurrences.next(schedule, Instant.parse("2026-04-04T12:00:00Z"), 2))
                .extracting(Occurrence::at)
                .containsExactly(Instant.parse("2026-04-04T15:30:00Z"), Instant.parse("2026-04-05T16:30:00Z"));
    }

    @Test
    void inSaoPauloOnceTheClocksSkippedMidnightSoHalfPastMidnightFiredAtHalfPastOne() {
        // Brazil has had no daylight saving since 2019; its last spring forward skipped 00:00 to 01:00.
        assertGap("America/Sao_Paulo", "2018-11-04T00:30", Duration.ofHours(1));
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=0;BYMINUTE=30", "2018-10-01T00:00",
                "America/Sao_Paulo");

        Occurrence occurrence = Occurrences.firstAfter(schedule, Instant.parse("2018-11-03T12:00:00Z")).orElseThrow();

        assertThat(occurrence.scheduledLocal()).isEqualTo(LocalDateTime.parse("2018-11-04T00:30"));
        assertThat(occurrence.local()).hasToString("2018-11-04T01:30-02:00[America/Sao_Paulo]");
    }

    @Test
    void aTimeExactlyAtTheSpringForwardInstantFiresAtTheFirstMomentOfSummerTime() {
        assertGap("Europe/Berlin", "2026-03-29T02:00", Duration.ofHours(1));
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=2;BYMINUTE=0", "2026-03-01T00:00", "Europe/Berlin");

        Occurrence occurrence = Occurrences.firstAfter(schedule, Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();

        assertThat(occurrence.local()).hasToString("2026-03-29T03:00+02:00[Europe/Berlin]");
        assertThat(occurrence.at()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void aTimeExactlyWhenTheClocksHaveFallenBackIsInWinterTime() {
        // At 03:00 summer time the clocks go back to 02:00, so 03:00 itself is only ever winter time.
        ZoneOffsetTransition fallBack = ZoneId.of("Europe/Berlin").getRules()
                .getTransition(LocalDateTime.parse("2026-10-25T02:30"));
        assertThat(fallBack.getDateTimeBefore()).isEqualTo(LocalDateTime.parse("2026-10-25T03:00"));
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=3;BYMINUTE=0", "2026-10-01T00:00", "Europe/Berlin");

        Occurrence occurrence = Occurrences.firstAfter(schedule, Instant.parse("2026-10-24T12:00:00Z")).orElseThrow();

        assertThat(occurrence.local()).hasToString("2026-10-25T03:00+01:00[Europe/Berlin]");
        assertThat(occurrence.at()).isEqualTo(fallBack.getInstant().plus(Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    private static void assertGap(String zone, String local, Duration length) {
        ZoneOffsetTransition transition = ZoneId.of(zone).getRules().getTransition(LocalDateTime.parse(local));
        assertThat(transition).as("%s at %s is in a transition", zone, local).isNotNull();
        assertThat(transition.isGap()).as("%s at %s is in a gap", zone, local).isTrue();
        assertThat(transition.getDuration()).isEqualTo(length);
    }

    private static void assertOverlap(String zone, String local) {
        ZoneOffsetTransition transition = ZoneId.of(zone).getRules().getTransition(LocalDateTime.parse(local));
        assertThat(transition).as("%s at %s is in a transition", zone, local).isNotNull();
        assertThat(transition.isOverlap()).as("%s at %s is in an overlap", zone, local).isTrue();
    }

    private static ZonedDateTime zoned(String text) {
        return ZonedDateTime.parse(text);
    }
}
