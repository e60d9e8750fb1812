package org.mhconnect.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Occurrences after an instant: strictly after it, none left out, in order, and found quickly however long ago the
 * schedule started.
 */
class NeverEarlyTest {

    @Test
    void anOccurrenceExactlyAtTheInstantAskedAboutIsNotTheNextOne() {
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2026-11-01T00:00", "Europe/Berlin");
        Instant eightToday = Instant.parse("2026-11-30T07:00:00Z");

        assertThat(Occurrences.firstAfter(schedule, eightToday.minusNanos(1)).orElseThrow().at())
                .isEqualTo(eightToday);
        assertThat(Occurrences.firstAfter(schedule, eightToday).orElseThrow().at())
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    }

    @Test
    void aroundBothClockChangesNothingIsEarlyAndNothingIsLeftOut() {
        assertWindowsAgree("Europe/Berlin", "2026-03-24T00:00", Instant.parse("2026-03-27T00:00:00Z"));
        assertWindowsAgree("Europe/Berlin", "2026-10-22T00:00", Instant.parse("2026-10-23T00:00:00Z"));
        assertWindowsAgree("Australia/Lord_Howe", "2026-09-30T00:00", Instant.parse("2026-10-02T00:00:00Z"));
    }

    @Test
    void aScheduleThatStartsLaterFiresFirstAtItsStart() {
        Schedule schedule = Schedule.parse("FREQ=DAILY", "2027-02-01T08:00", "Europe/Berlin");

        assertThat(Occurrences.firstAfter(schedule, Instant.parse("2026-11-30T12:00:00Z")).orElseThrow()
                .scheduledLocal()).isEqualTo(LocalDateTime.parse("2027-02-01T08:00"));
    }

    @Test
    void aScheduleThatHasEndedHasNoNextOccurrence() {
        Schedule schedule = Schedule.parse("FREQ=WEEKLY;UNTIL=20261101T000000Z", "2026-01-01T08:00", "Europe/Berlin");

        assertThat(Occurrences.firstAfter(schedule, Instant.parse("2026-11-30T12:00:00Z"))).isEmpty();
    }

    @Test
    void aDailyScheduleStartedYearsAgoFindsItsNextOccurrenceInMilliseconds() {
        Schedule daily = Schedule.parse("FREQ=DAILY;BYHOUR=8;BYMINUTE=0", "2020-01-01T00:00", "Europe/Berlin");
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        assertThat(Occurrences.firstAfter(daily, now).orElseThrow().at())
                .isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(fastestOf(20, () -> Occurrences.firstAfter(daily, now))).isLessThan(Duration.ofMillis(5));
    }

    @Test
    void aQuarterHourlyScheduleStartedDecadesAgoIsSkippedThroughNotWalked() {
        // 96 a day since 2000 is close to a million occurrences; walking them would take far longer than this allows.
        Schedule quarterHourly = Schedule.parse(
                "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,15,30,45",
                "2000-01-01T00:00", "Europe/Berlin");
        Instant now = Instant.parse("2026-11-30T12:07:00Z");

        assertThat(Occurrences.next(quarterHourly, now, 3)).extracting(Occurrence::at).containsExactly(
                Instant.parse("2026-11-30T12:15:00Z"), Instant.parse("2026-11-30T12:30:00Z"),
                Instant.parse("2026-11-30T12:45:00Z"));
        assertThat(fastestOf(10, () -> Occurrences.next(quarterHourly, now, 3))).isLessThan(Duration.ofMillis(20));
    }

    @Test
    void between1And100OccurrencesCanBeAskedFor() {
        Schedule schedule = Schedule.parse("FREQ=DAILY", "2026-11-01T08:00", "Europe/Berlin");
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        assertThat(Occurrences.next(schedule, now, 100)).hasSize(100);
        assertThatThrownBy(() -> Occurrences.next(schedule, now, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Occurrences.next(schedule, now, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * From many instants a few minutes apart, the next occurrences are exactly those of one long list from before
     * them that come after the instant: so skipping ahead loses none, and none is early.
     */
    private static void assertWindowsAgree(String zone, String start, Instant from) {
        Schedule schedule = Schedule.parse("FREQ=DAILY;BYHOUR=0,1,2,3;BYMINUTE=0,20,40", start, zone);
        List<Occurrence> all = Occurrences.next(schedule, Instant.parse("2026-01-01T00:00:00Z"), 100);
        assertThat(all).extracting(Occurrence::at).isSorted().doesNotHaveDuplicates();

        for (Instant after = from; after.isBefore(from.plus(Duration.ofDays(3))); after = after.plusSeconds(7 * 60)) {
            Instant instant = after;
            List<Occurrence> expected = all.stream().filter(occurrence -> occurrence.at().isAfter(instant)).limit(5)
                    .toList();
            assertThat(Occurrences.next(schedule, instant, 5)).as("after %s", instant).isEqualTo(expected)
                    .allSatisfy(occurrence -> assertThat(occurrence.at()).isAfter(instant));
        }
    }

    private static Duration fastestOf(int runs, Runnable call) {
        Duration fastest = Duration.ofDays(1);
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            call.run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            fastest = took.compareTo(fastest) < 0 ? took : fastest;
        }
        return fastest;
    }
}
