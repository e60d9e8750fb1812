package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who a piece of text is about, and when the semantic stage may bring full support for it. */
class PerspectiveTest {

    private static final Perspective.Gate GATE = Perspective.Gate.BY_CATEGORY;

    @Test
    void theWritersOwnThoughtsAndActsPassTheGate() {
        assertThat(GATE.allows(Perspective.of("I keep thinking about the pills"), "suicidal")).isTrue();
        assertThat(GATE.allows(Perspective.of("im so done, cut again"), "self_harm")).isTrue();
        assertThat(GATE.allows(Perspective.of("Cut again tonight. Deeper."), "self_harm")).isTrue();
        assertThat(GATE.allows(Perspective.of("She told me I should just disappear and I think she's right"),
                "suicidal")).isTrue();
    }

    @Test
    void someoneElsesThoughtsAndActsDoNot() {
        assertThat(GATE.allows(Perspective.of("My brother said he has been cutting"), "self_harm")).isFalse();
        assertThat(GATE.allows(Perspective.of("my friend told me she keeps thinking about the pills"), "suicidal"))
                .isFalse();
    }

    @Test
    void abuseIsDoneToTheWriterSoBeingNamedIsEnough() {
        assertThat(GATE.allows(Perspective.of("He grabbed me by the hair"), "abuse")).isTrue();
        assertThat(GATE.allows(Perspective.of("He grabbed her by the hair"), "abuse")).isFalse();
    }

    @Test
    void twoNeighboursReadTogetherAreAboutBoth() {
        Perspective both = Perspective.of("He left.").and(Perspective.of("I took them all."));

        assertThat(both.writerActs()).isTrue();
        assertThat(both.others()).isTrue();
    }
}
