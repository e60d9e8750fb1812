package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.journal.support.detection.CrisisSignal.ABUSE;
import static org.mhconnect.journal.support.detection.CrisisSignal.SELF_HARM;
import static org.mhconnect.journal.support.detection.CrisisSignal.SUICIDAL_THOUGHTS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The English rule stage against its regression phrases ({@code crisis/rules-regression.tsv}: {@code label<TAB>text},
 * label SUICIDAL_THOUGHTS, SELF_HARM, ABUSE or NONE), plus a few named examples of how it reads.
 */
class EnglishCrisisRulesTest {

    private static final String CORPUS = "/crisis/rules-regression.tsv";

    private static final String NONE = "NONE";

    private final EnglishCrisisRules detector = new EnglishCrisisRules();

    @Test
    void findsCrisisLanguageInTheCorpusWithHighPrecisionAndRecall() throws IOException {
        List<Example> corpus = corpus();
        int positives = 0;
        int negatives = 0;
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (Example example : corpus) {
            Set<CrisisSignal> found = detector.detect(example.text());
            if (example.label().equals(NONE)) {
                negatives++;
                if (!found.isEmpty()) {
                    falsePositives++;
                    System.out.printf(Locale.ROOT, "crisis detector: false alarm (line %d, found %s): %s%n",
                            example.line(), found, example.text());
                }
            }
            else {
                positives++;
                if (found.contains(CrisisSignal.valueOf(example.label()))) {
                    truePositives++;
                }
                else {
                    falseNegatives++;
                    System.out.printf(Locale.ROOT, "crisis detector: missed %s (line %d, found %s): %s%n",
                            example.label(), example.line(), found, example.text());
                }
            }
        }
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        System.out.printf(Locale.ROOT, "crisis detector: precision %.2f, recall %.2f over %d phrases%n", precision,
                recall, corpus.size());

        assertThat(positives).as("phrases that are crisis language").isGreaterThanOrEqualTo(60);
        assertThat(negatives).as("phrases that are not").isGreaterThanOrEqualTo(60);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aPlainStatementIsFound() {
        assertThat(detector.detect("I want to die.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("I cut myself again last night.")).containsExactly(SELF_HARM);
        assertThat(detector.detect("He hits me when he drinks.")).containsExactly(ABUSE);
    }

    @Test
    void negationInTheSameClauseIsRespected() {
        assertThat(detector.detect("I don't want to die.")).isEmpty();
        assertThat(detector.detect("I do not want to kill myself.")).isEmpty();
        assertThat(detector.detect("I never want to hurt myself.")).isEmpty();
        assertThat(detector.detect("I'm not suicidal.")).isEmpty();
        assertThat(detector.detect("I no longer want to die.")).isEmpty();
        assertThat(detector.detect("I would never hurt myself.")).isEmpty();
        assertThat(detector.detect("My partner would never hurt me.")).isEmpty();
    }

    @Test
    void suicidalThoughtsOrSelfHarmSaidOfSomeoneElseAreNotTheWriters() {
        assertThat(detector.detect("My friend said she wants to die.")).isEmpty();
        assertThat(detector.detect("I think he is suicidal.")).isEmpty();
        assertThat(detector.detect("He makes me want to die.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("She knows I want to die.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("Want to die. Again.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("She wanted to know why I keep cutting myself.")).containsExactly(SELF_HARM);
        assertThat(detector.detect("She hits me when she drinks.")).containsExactly(ABUSE);
    }

    @Test
    void negationInAnEarlierClauseDoesNotHideALaterStatement() {
        assertThat(detector.detect("I'm not okay. I want to die.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("I don't know why, but I want to die.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("I don't know why I want to die.")).containsExactly(SUICIDAL_THOUGHTS);
        assertThat(detector.detect("I'm not sleeping and I keep hurting myself.")).containsExactly(SELF_HARM);
    }

    @Test
    void everydayIdiomsAreNotSignals() {
        List<String> idioms = List.of(
                "I'd die for a good coffee.",
                "I'm dying to see the film.",
                "This joke killed me.",
                "My phone died.",
                "Killing it at work!",
                "I could kill for a pizza.",
                "Dead tired today.",
                "The plant died.",
                "Cutting vegetables for dinner.",
                "I cut my hair.",
                "I hurt my knee.",
                "The workout hurt.",
                "I'm not afraid.",
                "We watched the documentary about domestic abuse.",
                "The deadline is on Friday.");
        for (String idiom : idioms) {
            assertThat(detector.detect(idiom)).as(idiom).isEmpty();
        }
    }

    @Test
    void nullAndBlankGiveNoSignals() {
        assertThat(detector.detect(null)).isEmpty();
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect(" \n\t ")).isEmpty();
    }

    @Test
    void curlyApostrophesWork() {
        // \u2019 is the curly apostrophe that phones type: I don’t, I’m
        assertThat(detector.detect("I don\u2019t want to die.")).isEmpty();
        assertThat(detector.detect("I\u2019m cutting again.")).containsExactly(SELF_HARM);
        assertThat(detector.detect("He\u2019s hitting me again.")).containsExactly(ABUSE);
        assertThat(detector.detect("I\u2019ve been thinking about ending it all.")).containsExactly(SUICIDAL_THOUGHTS);
    }

    @Test
    void caseAndExtraWhitespaceDoNotMatter() {
        assertThat(detector.detect("I   WANT\tto   Die")).containsExactly(SUICIDAL_THOUGHTS);
    }

    @Test
    void severalSignalsInOneEntryAreAllFound() {
        assertThat(detector.detect("He hits me. Last night I cut myself and I want to die."))
                .containsExactlyInAnyOrder(ABUSE, SELF_HARM, SUICIDAL_THOUGHTS);
    }

    @Test
    void oddInputNeverThrows() {
        assertThat(detector.detect("!!! ... ,,, \u2019\u2019 \u2014\u2014 -- ' \uD83D\uDE00")).isEmpty();
        assertThat(detector.detect("I went for a walk, and then I had tea. ".repeat(2_000))).isEmpty();
        assertThat(detector.detect("a".repeat(50_000))).isEmpty();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static List<Example> corpus() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = EnglishCrisisRulesTest.class.getResourceAsStream(CORPUS)) {
            assertThat(in).as(CORPUS + " on the test classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                assertThat(tab).as("line %d has a label, a tab and a text: %s", number, line).isPositive();
                String label = line.substring(0, tab).strip();
                assertThat(label).as("label on line %d", number).isIn(NONE, SUICIDAL_THOUGHTS.name(),
                        SELF_HARM.name(), ABUSE.name());
                examples.add(new Example(label, line.substring(tab + 1), number));
            }
        }
        return examples;
    }

    /** One corpus line: the expected label, the text, and where it is in the file. */
    private record Example(String label, String text, int line) {
    }
}
