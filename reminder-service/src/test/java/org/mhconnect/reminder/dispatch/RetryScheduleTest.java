package org.mhconnect.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The retry schedule alone, with fixed instants and chosen jitter: no Spring, no clock. */
class RetryScheduleTest {

    static final Instant DUE = Instant.parse("2026-12-07T08:00:00Z");
    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration CAP = Duration.ofMinutes(1);
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration GRACE = Duration.ofMinutes(60);

    /** Jitter 0: every wait is its whole ceiling. */
    static final RetrySchedule LONGEST = new RetrySchedule(FIRST, CAP, WINDOW, () -> 0.0);
    /** Jitter just under 1: every wait is just over half its ceiling. */
    static final RetrySchedule SHORTEST = new RetrySchedule(FIRST, CAP, WINDOW, () -> Math.nextDown(1.0));

    @Test
    void waitsDoubleFromTheFirstBackoffAndStopGrowingAtTheCap() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20, 64, 1000)).extracting(LONGEST::ceiling).containsExactly(
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
                Duration.ofSeconds(32), CAP, CAP, CAP, CAP, CAP);
    }

    @Test
    void eachWaitIsBetweenHalfAndAllOfItsCeilingSoNoWaitIsLongerThanTheCap() {
        Instant failed = DUE.plusSeconds(600);
        assertThat(LONGEST.next(9, DUE, GRACE, failed)).contains(failed.plus(CAP));
        assertThat(SHORTEST.next(9, DUE, GRACE, failed)).hasValueSatisfying(next ->
                assertThat(Duration.between(failed, next)).isGreaterThan(Duration.ofSeconds(30)).isLessThan(CAP));
        assertThat(LONGEST.next(1, DUE, GRACE, DUE)).contains(DUE.plusSeconds(2));
        assertThat(SHORTEST.next(1, DUE, GRACE, DUE)).hasValueSatisfying(next ->
                assertThat(Duration.between(DUE, next)).isGreaterThan(Duration.ofSeconds(1)).isLessThan(FIRST));
    }

    @Test
    void theLastAttemptComesAtTheEndOfTheWindowAndAfterItTheDeliveryIsGivenUp() {
        Instant nearTheEnd = DUE.plus(WINDOW).minusSeconds(10);
        assertThat(LONGEST.next(40, DUE, GRACE, nearTheEnd)).contains(DUE.plus(WINDOW));
        assertThat(LONGEST.next(41, DUE, GRACE, DUE.plus(WINDOW))).isEmpty();
        assertThat(LONGEST.next(1, DUE, GRACE, DUE.plus(WINDOW).plusSeconds(1))).isEmpty();
    }

    @Test
    void aShorterGracePeriodEndsTheRetriesSoonerAndALongerOneIsBoundedByTheWindow() {
        Duration quarterHour = Duration.ofMinutes(15);
        assertThat(LONGEST.deadline(DUE, quarterHour)).isEqualTo(DUE.plus(quarterHour));
        assertThat(LONGEST.next(12, DUE, quarterHour, DUE.plus(quarterHour))).isEmpty();
        assertThat(LONGEST.deadline(DUE, Duration.ofDays(1))).isEqualTo(DUE.plus(WINDOW));
        assertThat(LONGEST.next(60, DUE, Duration.ofDays(1), DUE.plus(WINDOW))).isEmpty();
    }

    @Test
    void aReceiverDownForThreeMinutesGetsTheReminderWithinAMinuteOfComingBack() {
        Instant back = DUE.plus(Duration.ofMinutes(3));
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            RetrySchedule schedule = new RetrySchedule(FIRST, CAP, WINDOW, random::nextDouble);
            List<Instant> attempts = new ArrayList<>(List.of(DUE));
            while (attempts.getLast().isBefore(back)) {
                Optional<Instant> next = schedule.next(attempts.size(), DUE, GRACE, attempts.getLast());
                assertThat(next).as("still tried while the receiver is down").isPresent();
                attempts.add(next.get());
            }
            assertThat(Duration.between(back, attempts.getLast())).as("seed " + seed).isLessThanOrEqualTo(CAP);
            assertThat(attempts).as("seed " + seed).hasSizeBetween(7, 12);
        }
    }

    @Test
    void aReceiverThatNeverComesBackIsTriedABoundedNumberOfTimes() {
        for (RetrySchedule schedule : List.of(LONGEST, SHORTEST)) {
            int attempts = 1;
            Instant at = DUE;
            for (Optional<Instant> next = schedule.next(attempts, DUE, GRACE, at); next.isPresent();
                    next = schedule.next(attempts, DUE, GRACE, at)) {
                assertThat(next.get()).isAfter(at).isBeforeOrEqualTo(DUE.plus(WINDOW));
                at = next.get();
                attempts++;
            }
            assertThat(at).isEqualTo(DUE.plus(WINDOW));
            assertThat(attempts).isBetween(60, 130);
        }
    }
}
