package org.mhconnect.journal.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.checkin.Trend.Direction;
import org.mhconnect.journal.checkin.Trend.Point;

/** A trend compares check-ins at least a week apart, and says so when they are not. */
class TrendTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    @Test
    void oneCheckInHasNoTrend() {
        assertThat(Trend.of(List.of(new Point(MONDAY, 3.0)))).isNull();
    }

    @Test
    void checkInsTheSameDayAreTooSoonToCallAChange() {
        Trend trend = Trend.of(List.of(new Point(MONDAY, 5.0), new Point(MONDAY, 1.0)));

        assertThat(trend.direction()).isEqualTo(Direction.TOO_SOON);
        assertThat(trend.change()).isNull();
        assertThat(trend.message()).startsWith("There is not enough time between your check-ins yet");
    }

    @Test
    void sixDaysApartIsStillTooSoon() {
        assertThat(Trend.of(List.of(new Point(MONDAY.plusDays(6), 5.0), new Point(MONDAY, 1.0))).direction())
                .isEqualTo(Direction.TOO_SOON);
    }

    @Test
    void aWeekApartShowsTheChange() {
        Trend trend = Trend.of(List.of(new Point(MONDAY.plusDays(7), 3.5), new Point(MONDAY, 3.0)));

        assertThat(trend.direction()).isEqualTo(Direction.RISING);
        assertThat(trend.change()).isEqualTo(0.5);
        assertThat(trend.message()).isEqualTo("Your kindness towards yourself has grown a little since a week or more ago.");
    }

    @Test
    void onlyCheckInsAWeekOrMoreBeforeTheLatestAreComparedWith() {
        // Yesterday's low total is left out: the latest is compared with the mean of the three a week or more before.
        Trend trend = Trend.of(List.of(new Point(MONDAY.plusDays(21), 3.0), new Point(MONDAY.plusDays(20), 1.0),
                new Point(MONDAY.plusDays(14), 3.2), new Point(MONDAY.plusDays(7), 2.8), new Point(MONDAY, 3.0),
                new Point(MONDAY.minusDays(7), 1.0)));

        assertThat(trend.direction()).isEqualTo(Direction.STEADY);
        assertThat(trend.change()).isEqualTo(0.0);
    }

    @Test
    void aLowerTotalAWeekLaterIsSaidGently() {
        Trend trend = Trend.of(List.of(new Point(MONDAY.plusDays(8), 2.0), new Point(MONDAY, 3.0)));

        assertThat(trend.direction()).isEqualTo(Direction.FALLING);
        assertThat(trend.message()).contains("it can turn again");
    }
}
