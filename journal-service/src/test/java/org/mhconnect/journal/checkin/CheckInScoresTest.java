package org.mhconnect.journal.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mhconnect.journal.checkin.CheckInScores.Band;

/** How a check-in is scored, item by item, as the short-form Self-Compassion Scale is scored. */
class CheckInScoresTest {

    @Test
    void itemsOneFourEightNineElevenAndTwelveAreReverseScored() {
        assertThat(CheckInQuestionnaire.ITEMS).filteredOn(CheckInQuestionnaire.Item::reverseScored)
                .extracting(CheckInQuestionnaire.Item::number)
                .containsExactly(1, 4, 8, 9, 11, 12);
    }

    @Test
    void eachSubscaleHasItsTwoItems() {
        assertThat(CheckInQuestionnaire.Subscale.SELF_KINDNESS.items()).containsExactly(2, 6);
        assertThat(CheckInQuestionnaire.Subscale.SELF_JUDGMENT.items()).containsExactly(11, 12);
        assertThat(CheckInQuestionnaire.Subscale.COMMON_HUMANITY.items()).containsExactly(5, 10);
        assertThat(CheckInQuestionnaire.Subscale.ISOLATION.items()).containsExactly(4, 8);
        assertThat(CheckInQuestionnaire.Subscale.MINDFULNESS.items()).containsExactly(3, 7);
        assertThat(CheckInQuestionnaire.Subscale.OVER_IDENTIFICATION.items()).containsExactly(1, 9);
    }

    @Test
    void theMostCompassionateAnswersScoreFive() {
        // 5 on every kind statement, 1 on every harsh one.
        CheckInScores scores = CheckInScores.of(List.of(1, 5, 5, 1, 5, 5, 5, 1, 1, 5, 1, 1));

        assertThat(scores.total()).isEqualTo(5.0);
        assertThat(scores.band()).isEqualTo(Band.HIGH);
        assertThat(scores.subscales()).containsEntry("self-kindness", 5.0).containsEntry("self-judgment", 1.0);
    }

    @Test
    void theTotalIsTheMeanOfAllItemsAfterReversal() {
        List<Integer> answers = List.of(4, 2, 3, 5, 1, 2, 4, 3, 2, 5, 4, 1);
        // reversed: 2, 2, 3, 1, 1, 2, 4, 3, 4, 5, 2, 5 -> 34 / 12
        CheckInScores scores = CheckInScores.of(answers);

        assertThat(scores.total()).isEqualTo(2.83);
        assertThat(scores.band()).isEqualTo(Band.MODERATE);
        assertThat(scores.subscales())
                .containsEntry("self-kindness", 2.0)        // items 2, 6
                .containsEntry("self-judgment", 2.5)        // items 11, 12
                .containsEntry("common-humanity", 3.0)      // items 5, 10
                .containsEntry("isolation", 4.0)            // items 4, 8
                .containsEntry("mindfulness", 3.5)          // items 3, 7
                .containsEntry("over-identification", 3.0); // items 1, 9
    }

    @Test
    void bandsAreLowBelowTwoAndAHalfAndHighAboveThreeAndAHalf() {
        assertThat(Band.of(2.49)).isEqualTo(Band.LOW);
        assertThat(Band.of(2.5)).isEqualTo(Band.MODERATE);
        assertThat(Band.of(3.5)).isEqualTo(Band.MODERATE);
        assertThat(Band.of(3.51)).isEqualTo(Band.HIGH);
        assertThat(Band.values()).allSatisfy(band -> assertThat(band.interpretation()).isNotBlank()
                .doesNotContainIgnoringCase("diagnos").doesNotContainIgnoringCase("disorder"));
    }

    @Test
    void anythingButTwelveAnswersFromOneToFiveIsRefused() {
        assertThatThrownBy(() -> CheckInScores.of(List.of(1, 2, 3))).isInstanceOf(InvalidCheckInException.class);
        assertThatThrownBy(() -> CheckInScores.of(List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 6)))
                .isInstanceOf(InvalidCheckInException.class);
    }
}
