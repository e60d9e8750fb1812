package org.mhconnect.journal.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.entry.EntryIndex.Summary;

/** Gentle insights, computed over the writer's own local days. */
class InsightsTest {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    @Test
    void moodByDayIsTheDailyMeanWithASevenDayMovingAverage() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(7), List.of(
                entry(MONDAY, 9, 2), entry(MONDAY, 21, 4),     // mean 3
                entry(MONDAY.plusDays(2), 8, 5),                 // mean 5
                entry(MONDAY.plusDays(7), 8, 1)));               // the next Monday: 1

        assertThat(insights.moodByDay()).hasSize(8);
        assertThat(insights.moodByDay().get(0)).isEqualTo(new Insights.DayMood(MONDAY, 3.0, 2, 3.0));
        assertThat(insights.moodByDay().get(1)).isEqualTo(new Insights.DayMood(MONDAY.plusDays(1), null, 0, 3.0));
        assertThat(insights.moodByDay().get(2).movingAverage7()).isEqualTo(4.0);
        // The window of the next Monday no longer holds the first Monday: (5 + 1) / 2.
        assertThat(insights.moodByDay().get(7).movingAverage7()).isEqualTo(3.0);
    }

    @Test
    void emotionsAreCountedMostFrequentFirst() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(6), List.of(
                entry(MONDAY, 9, 2, "worried", "tired"), entry(MONDAY.plusDays(1), 9, 3, "worried"),
                entry(MONDAY.plusDays(2), 9, 4, "calm")));

        assertThat(insights.emotions()).extracting(Insights.EmotionCount::code).containsExactly("worried", "calm", "tired");
        assertThat(insights.emotions().getFirst().count()).isEqualTo(2);
        assertThat(insights.emotions().getFirst().share()).isEqualTo(0.5);
        assertThat(insights.emotions().getFirst().label()).isEqualTo("Worried");
    }

    @Test
    void weekdaysRunMondayToSunday() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(13), List.of(
                entry(MONDAY, 9, 2), entry(MONDAY.plusDays(7), 9, 4), entry(MONDAY.plusDays(5), 9, 5)));

        assertThat(insights.weekdays()).extracting(Insights.WeekdayPattern::day).containsExactly(DayOfWeek.values());
        assertThat(insights.weekdays().get(0)).isEqualTo(new Insights.WeekdayPattern(DayOfWeek.MONDAY, 2, 3.0));
        assertThat(insights.weekdays().get(5)).isEqualTo(new Insights.WeekdayPattern(DayOfWeek.SATURDAY, 1, 5.0));
        assertThat(insights.weekdays().get(2).averageMood()).isNull();
    }

    @Test
    void daysWithAPracticeAreComparedWithDaysWithoutOnceThereAreThreeOfEach() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(6), List.of(
                practised(MONDAY, 4), entry(MONDAY, 20, 2),     // a practice named by an entry, mean 3
                entry(MONDAY.plusDays(1), 9, 5),                 // practised in the player, 5
                entry(MONDAY.plusDays(2), 9, 4),                 // practised in the player, 4
                entry(MONDAY.plusDays(3), 9, 2), entry(MONDAY.plusDays(4), 9, 3), entry(MONDAY.plusDays(5), 9, 1)),
                List.of(MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(2)));

        assertThat(insights.practice().completions()).isEqualTo(3);
        assertThat(insights.practice().daysPractised()).isEqualTo(3);
        assertThat(insights.practice().withPractice()).isEqualTo(new Insights.PracticeComparison.Group(3, 4.0));
        assertThat(insights.practice().withoutPractice()).isEqualTo(new Insights.PracticeComparison.Group(3, 2.0));
        assertThat(insights.practice().enoughToCompare()).isTrue();
        assertThat(insights.practice().difference()).isEqualTo(2.0);
    }

    @Test
    void tooFewDaysOnEitherSideGiveCountsButNoDifference() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(6), List.of(
                entry(MONDAY, 9, 5), entry(MONDAY.plusDays(1), 9, 5),
                entry(MONDAY.plusDays(2), 9, 1), entry(MONDAY.plusDays(3), 9, 1), entry(MONDAY.plusDays(4), 9, 1)),
                List.of(MONDAY, MONDAY.plusDays(1)));

        // Two good days with a practice against three hard ones without would read as "+4": too few days to say so.
        assertThat(insights.practice().withPractice()).isEqualTo(new Insights.PracticeComparison.Group(2, 5.0));
        assertThat(insights.practice().withoutPractice()).isEqualTo(new Insights.PracticeComparison.Group(3, 1.0));
        assertThat(insights.practice().enoughToCompare()).isFalse();
        assertThat(insights.practice().minimumDays()).isEqualTo(3);
        assertThat(insights.practice().difference()).isNull();
    }

    @Test
    void aPracticeDayWithoutAMoodCountsAsPractisedButNotInTheComparison() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(6), List.of(entry(MONDAY, 9, 3)),
                List.of(MONDAY.plusDays(1), MONDAY.minusDays(1), MONDAY.plusDays(7)));

        assertThat(insights.practice().completions()).as("only the completion inside the range").isEqualTo(1);
        assertThat(insights.practice().daysPractised()).isEqualTo(1);
        assertThat(insights.practice().withPractice()).isEqualTo(new Insights.PracticeComparison.Group(0, null));
        assertThat(insights.practice().withoutPractice()).isEqualTo(new Insights.PracticeComparison.Group(1, 3.0));
    }

    @Test
    void consistencyIsTheDaysWrittenOutOfTheDaysInThePeriod() {
        LocalDate to = MONDAY.plusDays(29);

        Insights.Consistency oneDay = Insights.consistency(MONDAY, to, Set.of(to));
        Insights.Consistency everyOtherDay = Insights.consistency(MONDAY, to,
                IntStream.range(0, 15).mapToObj(i -> MONDAY.plusDays(2L * i)).collect(Collectors.toSet()));

        // Writing on 1 of 30 days is 1 of 30 days: never "100 out of 100".
        assertThat(oneDay.daysJournaled()).isEqualTo(1);
        assertThat(oneDay.days()).isEqualTo(30);
        assertThat(oneDay.message()).isEqualTo("Every entry counts, whenever it comes. There is nothing to catch up on.");
        assertThat(everyOtherDay.daysJournaled()).isEqualTo(15);
        assertThat(everyOtherDay.message()).isEqualTo("You keep coming back to yourself. That is the practice.");
    }

    @Test
    void aPeriodWithoutEntriesInvitesWithoutCounting() {
        Insights.Consistency none = Insights.consistency(MONDAY, MONDAY.plusDays(6), Set.of(MONDAY.minusDays(1)));

        assertThat(none.daysJournaled()).isZero();
        assertThat(none.days()).isEqualTo(7);
        assertThat(none.message()).isEqualTo("Whenever you are ready, a few words are enough to begin.");
    }

    @Test
    void anEntryWithoutAMoodCountsAsADayWrittenButNotInTheMoods() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(6), List.of(
                withoutMood(MONDAY), entry(MONDAY, 20, 4),      // Monday's mean is the one mood given: 4
                withoutMood(MONDAY.plusDays(1))));              // Tuesday: written, no mood

        assertThat(insights.entries()).isEqualTo(3);
        assertThat(insights.moodByDay().get(0)).isEqualTo(new Insights.DayMood(MONDAY, 4.0, 2, 4.0));
        assertThat(insights.moodByDay().get(1)).isEqualTo(new Insights.DayMood(MONDAY.plusDays(1), null, 1, 4.0));
        assertThat(insights.weekdays().get(1)).isEqualTo(new Insights.WeekdayPattern(DayOfWeek.TUESDAY, 1, null));
        assertThat(insights.practice().withoutPractice()).isEqualTo(new Insights.PracticeComparison.Group(1, 4.0));
        assertThat(insights.consistency().daysJournaled()).isEqualTo(2);
    }

    @Test
    void entriesOutsideTheRangeAreLeftOut() {
        Insights insights = Insights.of(MONDAY, MONDAY.plusDays(1), List.of(
                entry(MONDAY.minusDays(1), 23, 1), entry(MONDAY, 0, 5), entry(MONDAY.plusDays(2), 0, 1)));

        assertThat(insights.entries()).isEqualTo(1);
    }

    private static Summary entry(LocalDate day, int hour, int mood, String... emotions) {
        return new Summary(UUID.randomUUID().toString(), LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)), mood,
                List.of(emotions), List.of(), null);
    }

    private static Summary withoutMood(LocalDate day) {
        return new Summary(UUID.randomUUID().toString(), day.atTime(8, 0), null, List.of(), List.of(), null);
    }

    private static Summary practised(LocalDate day, int mood) {
        return new Summary(UUID.randomUUID().toString(), day.atTime(8, 0), mood, List.of(), List.of(), "a-breathing-space");
    }
}
