package org.mhconnect.reminder.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "these times, on these days" form of a schedule, as one RRULE and back. */
class FriendlyScheduleTest {

    private static final Set<DayOfWeek> WORKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    @Test
    void anEveningOnWorkdaysIsAWeeklyRule() {
        FriendlySchedule schedule = new FriendlySchedule(List.of(LocalTime.of(21, 0)), WORKDAYS);

        assertThat(schedule.toRrule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=21;BYMINUTE=0");
    }

    @Test
    void noWeekdaysMeansEveryDay() {
        FriendlySchedule schedule = new FriendlySchedule(List.of(LocalTime.of(21, 0), LocalTime.of(8, 0)), Set.of());

        assertThat(schedule.toRrule()).isEqualTo("FREQ=DAILY;BYHOUR=8,21;BYMINUTE=0");
        assertThat(schedule.times()).containsExactly(LocalTime.of(8, 0), LocalTime.of(21, 0));
    }

    @Test
    void allSevenWeekdaysAreEveryDayAndKeptAsNone() {
        FriendlySchedule schedule = new FriendlySchedule(List.of(LocalTime.of(7, 30)), EnumSet.allOf(DayOfWeek.class));

        assertThat(schedule.weekdays()).isEmpty();
        assertThat(schedule.toRrule()).isEqualTo("FREQ=DAILY;BYHOUR=7;BYMINUTE=30");
        assertThat(schedule).isEqualTo(new FriendlySchedule(List.of(LocalTime.of(7, 30)), Set.of()));
    }

    @Test
    void timesThatAreEveryHourWithEveryMinuteMakeOneRule() {
        FriendlySchedule schedule = new FriendlySchedule(
                List.of(LocalTime.of(21, 30), LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(21, 0)),
                EnumSet.of(SATURDAY, SUNDAY));

        assertThat(schedule.toRrule()).isEqualTo("FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=8,21;BYMINUTE=0,30");
    }

    @Test
    void timesWithDifferentMinutesAreRefusedRatherThanWidened() {
        InvalidScheduleException refusal = catchThrowableOfType(InvalidScheduleException.class,
                () -> new FriendlySchedule(List.of(LocalTime.of(8, 15), LocalTime.of(21, 40)), Set.of()));

        assertThat(refusal.field()).isEqualTo("times");
        assertThat(refusal.reason()).contains("would also fire at 08:40 and 21:15")
                .contains("same minutes past the hour");
    }

    @Test
    void theNumberOfTimesIsOneToTwelve() {
        List<LocalTime> twelve = IntStream.range(0, 12).mapToObj(hour -> LocalTime.of(hour * 2, 0)).toList();
        List<LocalTime> thirteen = IntStream.range(0, 13).mapToObj(hour -> LocalTime.of(hour, 0)).toList();

        assertThatCode(() -> new FriendlySchedule(twelve, Set.of())).doesNotThrowAnyException();
        assertThat(refusalOf(thirteen, Set.of()).reason()).contains("at most 12");
        assertThat(refusalOf(List.of(), Set.of()).reason()).contains("at least one");
        assertThat(refusalOf(null, Set.of()).field()).isEqualTo("times");
    }

    @Test
    void aTimeGivenTwiceIsKeptOnce() {
        FriendlySchedule schedule = new FriendlySchedule(List.of(LocalTime.of(9, 0), LocalTime.of(9, 0)), Set.of());

        assertThat(schedule.times()).containsExactly(LocalTime.of(9, 0));
    }

    @Test
    void timesAreWholeMinutesAtLeastFifteenMinutesApart() {
        assertThat(refusalOf(List.of(LocalTime.of(9, 0, 30)), Set.of()).reason()).contains("whole minutes");
        assertThat(refusalOf(List.of(LocalTime.of(9, 0), LocalTime.of(9, 10)), Set.of()).reason())
                .contains("at least 15 minutes apart");
        assertThatCode(() -> new FriendlySchedule(List.of(LocalTime.of(9, 0), LocalTime.of(9, 15)), Set.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void theSpacingCountsOvernightOnlyWhenItFiresOnFollowingDays() {
        List<LocalTime> aroundMidnight =
                List.of(LocalTime.of(0, 5), LocalTime.of(0, 55), LocalTime.of(23, 5), LocalTime.of(23, 55));

        assertThat(refusalOf(aroundMidnight, Set.of()).reason()).contains("overnight");
        assertThat(refusalOf(aroundMidnight, EnumSet.of(SUNDAY, MONDAY)).reason()).contains("overnight");
        assertThatCode(() -> new FriendlySchedule(aroundMidnight, EnumSet.of(MONDAY, WEDNESDAY)))
                .doesNotThrowAnyException();
    }

    @Test
    void itsRuleMakesAScheduleThatFiresAtThoseTimesOnThoseDays() {
        FriendlySchedule friendly = new FriendlySchedule(List.of(LocalTime.of(7, 0), LocalTime.of(19, 0)),
                EnumSet.of(TUESDAY, THURSDAY));
        Schedule schedule = Schedule.parse(friendly.toRrule(), "2026-12-01T00:00", "Europe/Berlin");

        assertThat(Occurrences.next(schedule, Instant.parse("2026-11-30T12:00:00Z"), 40)).allSatisfy(occurrence -> {
            assertThat(occurrence.local().getDayOfWeek()).isIn(TUESDAY, THURSDAY);
            assertThat(occurrence.local().toLocalTime()).isIn(LocalTime.of(7, 0), LocalTime.of(19, 0));
        });
    }

    @Test
    void theRulesItWritesAreReadBack() {
        List<FriendlySchedule> schedules = List.of(
                new FriendlySchedule(List.of(LocalTime.of(21, 0)), WORKDAYS),
                new FriendlySchedule(List.of(LocalTime.of(8, 0), LocalTime.of(21, 0)), Set.of()),
                new FriendlySchedule(List.of(LocalTime.of(6, 45), LocalTime.of(6, 15), LocalTime.of(18, 15),
                        LocalTime.of(18, 45)), EnumSet.of(SUNDAY)));

        assertThat(schedules).allSatisfy(schedule ->
                assertThat(FriendlySchedule.from(schedule.toRrule())).contains(schedule));
    }

    @Test
    void equivalentRulesWrittenElsewhereAreRecognised() {
        assertThat(FriendlySchedule.from("RRULE:FREQ=DAILY;BYDAY=SA,SU;BYHOUR=10;BYMINUTE=0;BYSECOND=0"))
                .contains(new FriendlySchedule(List.of(LocalTime.of(10, 0)), EnumSet.of(SATURDAY, SUNDAY)));
        assertThat(FriendlySchedule.from("freq=weekly;wkst=su;byminute=30;byhour=7;byday=mo"))
                .contains(new FriendlySchedule(List.of(LocalTime.of(7, 30)), EnumSet.of(MONDAY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=8;BYMINUTE=0",
            "FREQ=DAILY;INTERVAL=2;BYHOUR=8;BYMINUTE=0",
            "FREQ=DAILY;COUNT=5;BYHOUR=8;BYMINUTE=0",
            "FREQ=DAILY;UNTIL=20270101T000000Z;BYHOUR=8;BYMINUTE=0",
            "FREQ=DAILY;BYHOUR=8",
            "FREQ=DAILY;BYMINUTE=0",
            "FREQ=WEEKLY;BYHOUR=8;BYMINUTE=0",
            "FREQ=DAILY;BYMONTHDAY=1;BYHOUR=8;BYMINUTE=0",
            "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=0",
            "FREQ=DAILY;BYHOUR=8;BYMINUTE=0,10",
            "FREQ=HOURLY",
            "not a rule",
            ""})
    void otherRulesHaveNoFriendlyForm(String rrule) {
        assertThat(FriendlySchedule.from(rrule)).isEmpty();
    }

    @Test
    void noRuleHasNoFriendlyForm() {
        assertThat(FriendlySchedule.from(null)).isEmpty();
    }

    private static InvalidScheduleException refusalOf(List<LocalTime> times, Set<DayOfWeek> weekdays) {
        InvalidScheduleException refusal = catchThrowableOfType(InvalidScheduleException.class,
                () -> new FriendlySchedule(times, weekdays));
        assertThat(refusal).isNotNull();
        assertThat(refusal.field()).isEqualTo("times");
        return refusal;
    }
}
