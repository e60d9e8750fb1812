package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the two-stage detector reads whole entries: a few named examples; the corpus figures are in the evaluation. */
class CrisisDetectorTest {

    private static CrisisDetector detector;

    @BeforeAll
    static void load() {
        detector = CrisisDetector.load();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void plainStatementsOfEachKindAreFound() {
        assertThat(detector.assess("I want to die.").signals()).contains(CrisisSignal.SUICIDAL_THOUGHTS);
        assertThat(detector.assess("I cut myself again last night.").signals()).contains(CrisisSignal.SELF_HARM);
        assertThat(detector.assess("He hits me when he drinks.").signals()).contains(CrisisSignal.ABUSE);
    }

    @Test
    void germanSpanishAndFrenchExplicitIntentIsFound() {
        assertThat(detector.assess("Ich will nicht mehr leben.").crisis()).isTrue();
        assertThat(detector.assess("Ya no quiero vivir.").crisis()).isTrue();
        assertThat(detector.assess("Je veux mourir.").crisis()).isTrue();
        assertThat(detector.assess("Ich will nicht mehr leben.").language()).isEqualTo(Language.GERMAN);
    }

    @Test
    void aNegatedWishInAnotherLanguageIsNoSignal() {
        assertThat(detector.assess("Ich will nicht sterben, ich will nur, dass es besser wird.").crisis()).isFalse();
        assertThat(detector.assess("No quiero morir, solo estoy cansada.").crisis()).isFalse();
    }

    @Test
    void anEntryInALanguageTheDetectorDoesNotReadGetsTheGentleSuggestion() {
        CrisisAssessment italian = detector.assess("Oggi sono andata al mare con mia sorella e non ho pensato a niente.");

        assertThat(italian.language().covered()).isFalse();
        assertThat(italian.gentleSuggestion()).isTrue();
    }

    @Test
    void anOrdinaryDayNeedsNothing() {
        CrisisAssessment day = detector.assess("Walked to the bakery with Sam. The bread was still warm and we ate "
                + "half of it on the way home.");

        assertThat(day.crisis()).isFalse();
        assertThat(day.gentleSuggestion()).isFalse();
        assertThat(detector.assess("The light on the water was lovely. I breathed a little slower.").crisis()).isFalse();
        assertThat(detector.assess("Every key pressed on purpose, and that was calming.").crisis()).isFalse();
    }

    @Test
    void sentencesTheRulesAloneMissedAreFound() {
        assertThat(detector.assess("I want to end it.").crisis()).isTrue();
        assertThat(detector.assess("I'm so tired of living.").crisis()).isTrue();
        assertThat(detector.assess("I thought about overdosing last night.").crisis()).isTrue();
        assertThat(detector.assess("I used a lighter on my skin again.").crisis()).isTrue();
    }

    @Test
    void emptyOrMissingTextIsReadAsNothing() {
        assertThat(detector.assess((String) null).crisis()).isFalse();
        assertThat(detector.assess("", "   ").crisis()).isFalse();
    }

    @Test
    void theAssessmentNeverTellsWhatItFoundWhenPrinted() {
        assertThat(detector.assess("I want to die.").toString()).doesNotContain("SUICIDAL").doesNotContain("die");
    }
}
