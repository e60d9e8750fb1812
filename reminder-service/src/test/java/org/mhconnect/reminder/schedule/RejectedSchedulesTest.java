package org.mhconnect.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which schedules are refused, and that the refusal names the field and says why in plain words. */
class RejectedSchedulesTest {

    private static final String START = "2026-12-01T08:00";
    private static final String ZONE = "Europe/Berlin";

    @ParameterizedTest
    @ValueSource(strings = {"not a rule", "FREQ=DAILY;BYHOUR=25", "FREQ=DAILY;NONSENSE=1", "FREQ=DAILY;INTERVAL=0",
            "FREQ=DAILY;COUNT=0", "FREQ=DAILY;FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=1MO", "FREQ=WEEKLY;BYMONTHDAY=1",
            "FREQ=MONTHLY;BYDAY=0MO", "FREQ=DAILY;UNTIL=2027"})
    void aRuleThatCannotBeReadIsRefused(String rrule) {
        InvalidScheduleException refusal = refusal(rrule, START, ZONE);

        assertThat(refusal.field()).isEqualTo("rrule");
        assertThat(refusal.reason()).startsWith("RRULE could not be read: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=SECONDLY", "FREQ=MINUTELY;INTERVAL=30", "FREQ=HOURLY", "FREQ=YEARLY"})
    void onlyDailyWeeklyAndMonthlyRulesAreKept(String rrule) {
        InvalidScheduleException refusal = refusal(rrule, START, ZONE);

        assertThat(refusal.field()).isEqualTo("rrule");
        assertThat(refusal.reason()).isEqualTo("FREQ must be DAILY, WEEKLY or MONTHLY.");
    }

    @Test
    void aRuleFiringMoreOftenThanEveryFifteenMinutesIsRefused() {
        InvalidScheduleException everyTenMinutes = refusal("FREQ=DAILY;BYMINUTE=0,10", START, ZONE);

        assertThat(everyTenMinutes.field()).isEqualTo("rrule");
        assertThat(everyTenMinutes.reason()).contains("at most once every 15 minutes")
                .contains("2026-12-01T08:00").contains("2026-12-01T08:10");
    }

    @Test
    void fifteenMinutesApartIsAllowed() {
        assertThatCode(() -> Schedule.parse("FREQ=DAILY;BYHOUR=8;BYMINUTE=0,15,30,45", START, ZONE))
                .doesNotThrowAnyException();
    }

    @Test
    void theSpacingCountsFromOneDayToTheNextToo() {
        // 23:55 and the next day's 00:05 are ten minutes apart, though a day's own times are 50 minutes apart.
        InvalidScheduleException refusal = refusal("FREQ=DAILY;BYHOUR=0,23;BYMINUTE=5,55", START, ZONE);

        assertThat(refusal.reason()).contains("15 minutes").contains("T23:55").contains("T00:05");
    }

    @Test
    void countAndUntilTogetherAreRefused() {
        InvalidScheduleException refusal = refusal("FREQ=DAILY;COUNT=5;UNTIL=20270101T000000Z", START, ZONE);

        assertThat(refusal.field()).isEqualTo("rrule");
        assertThat(refusal.reason()).contains("COUNT and UNTIL cannot both be given");
    }

    @Test
    void aRuleLongerThanFiveHundredCharactersIsRefused() {
        String longRule = "FREQ=DAILY;BYHOUR=8;BYMINUTE=0" + ";".repeat(471);

        assertThat(longRule).hasSize(501);
        assertThat(refusal(longRule, START, ZONE).reason()).contains("at most 500 characters");
        assertThatCode(() -> Schedule.parse(longRule.substring(0, 500), START, ZONE)).doesNotThrowAnyException();
    }

    @Test
    void secondsOtherThanZeroAreRefused() {
        assertThat(refusal("FREQ=DAILY;BYSECOND=30", START, ZONE).reason()).contains("BYSECOND can only be 0");
        assertThatCode(() -> Schedule.parse("FREQ=DAILY;BYSECOND=0", START, ZONE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO", "FREQ=MONTHLY;BYMONTH=12",
            "FREQ=DAILY;RSCALE=GREGORIAN"})
    void partsBeyondWhatRemindersNeedAreRefused(String rrule) {
        assertThat(refusal(rrule, START, ZONE).reason()).contains("is not supported");
    }

    @Test
    void aRuleThatNeverFiresIsRefused() {
        // The first Monday of a month is never its 31st.
        assertThat(refusal("FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=31", START, ZONE).reason()).contains("never fires");
        assertThat(refusal("FREQ=DAILY;UNTIL=20261130T000000Z", START, ZONE).reason()).contains("never fires");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+02:00", "CEST", "GMT+2", "europe/berlin"})
    void aTimeZoneThatIsNotAnIanaRegionIsRefused(String zone) {
        InvalidScheduleException refusal = refusal("FREQ=DAILY", START, zone);

        assertThat(refusal.field()).isEqualTo("timeZone");
        assertThat(refusal.reason()).startsWith("Not a known IANA time zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-12-01", "2026-12-01T08:00+01:00", "2026-12-01T08:00:30",
            "1850-01-01T08:00"})
    void aStartThatIsNotALocalDateTimeOnAWholeMinuteIsRefused(String start) {
        assertThat(refusal("FREQ=DAILY", start, ZONE).field()).isEqualTo("start");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThat(refusal(null, START, ZONE).field()).isEqualTo("rrule");
        assertThat(refusal(" ", START, ZONE).field()).isEqualTo("rrule");
        assertThat(refusal("FREQ=DAILY", null, ZONE).field()).isEqualTo("start");
        assertThat(refusal("FREQ=DAILY", START, "").field()).isEqualTo("timeZone");
    }

    @Test
    void theRuleIsReportedFirstWhenSeveralFieldsAreWrong() {
        assertThat(refusal("FREQ=HOURLY", "tomorrow", "Mars/Olympus").field()).isEqualTo("rrule");
        assertThat(refusal("FREQ=DAILY", "tomorrow", "Mars/Olympus").field()).isEqualTo("start");
    }

    @Test
    void aScheduleMadeDirectlyIsCheckedAsWell() {
        LocalDateTime start = LocalDateTime.parse(START);

        assertThat(catchThrowableOfType(InvalidScheduleException.class,
                () -> new Schedule("FREQ=HOURLY", start, ZoneId.of(ZONE))).field()).isEqualTo("rrule");
        assertThat(catchThrowableOfType(InvalidScheduleException.class,
                () -> new Schedule("FREQ=DAILY", start, ZoneOffset.ofHours(2))).field()).isEqualTo("timeZone");
        assertThat(catchThrowableOfType(InvalidScheduleException.class,
                () -> new Schedule("FREQ=DAILY", start.withSecond(5), ZoneId.of(ZONE))).field()).isEqualTo("start");
    }

    private static InvalidScheduleException refusal(String rrule, String start, String zone) {
        InvalidScheduleException refusal =
                catchThrowableOfType(InvalidScheduleException.class, () -> Schedule.parse(rrule, start, zone));
        assertThat(refusal).as("refusal of %s from %s in %s", rrule, start, zone).isNotNull();
        assertThat(refusal.reason()).isNotBlank();
        return refusal;
    }
}
