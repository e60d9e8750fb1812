package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector's figures on the frozen evaluation set, which nothing was tuned on: recall and false alarms in
 * English, explicit intent and self-harm in German, Spanish and French, held at least where they are now. With {@code -Dmhc.crisis.report=<file>} it also writes the report ({@code bench/crisis-detection.sh}).
 */
class CrisisDetectionEvaluationTest {

    // The figures of the classifier in the repository, so that any regression turns CI red. The targets
    // (English recall >= 0.97 with every explicit sentence, false alarms <= 5%) are not reached yet: see
    // docs/crisis-detection.md. Raise these when the detector improves; never lower them without a recorded reason.
    // Since crisis/rules/en.tsv the English figures are no longer blind (see the report's caveat).
    // 2026-12-07: words beside the embedding and a lower confidence (docs/benchmarks.md) raised recall (0.937 to 0.950)
    // and explicit recall (0.960 to 0.984) for more full-support false alarms (0.332 to 0.359), while the gentle
    // suggestion on everyday sentences fell from 0.131 to 0.023: the false-alarm ceiling was raised on purpose.
    static final double ENGLISH_RECALL = 0.95;
    static final double ENGLISH_EXPLICIT_RECALL = 0.98;
    static final double ENGLISH_FALSE_ALARMS = 0.36;
    static final double OTHER_LANGUAGE_EXPLICIT_OFFERED = 0.7;

    private static CrisisDetector detector;
    private static CrisisEvaluation evaluation;

    @BeforeAll
    static void evaluate() {
        detector = CrisisDetector.load();
        evaluation = new CrisisEvaluation(detector, LabelledCorpus.read(LabelledCorpus.EVALUATION));
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @Test
    void theEvaluationSetIsTheFrozenOneOrItsChangeIsRecorded() throws IOException {
        String current = LabelledCorpus.sha256(LabelledCorpus.EVALUATION);
        List<String> recorded = DataFiles.rows("crisis/evaluation.sha256", 3).stream().map(row -> row.get(1)).toList();
        assertThat(recorded).as("a change to the evaluation set needs a line in crisis/evaluation.sha256 with its reason")
                .contains(current);
    }

    @Test
    void englishCrisisSentencesAreFoundWithFewFalseAlarms() throws IOException {
        writeReportWhenAsked();
        assertThat(evaluation.recall("en", null).value()).as("English recall %s, misses %s",
                evaluation.recall("en", null), CrisisEvaluation.byKind(evaluation.misses("en")))
                .isGreaterThanOrEqualTo(ENGLISH_RECALL);
        assertThat(evaluation.falseAlarms("en").value()).as("English false alarms %s: %s", evaluation.falseAlarms("en"),
                CrisisEvaluation.byKind(evaluation.falseAlarmSentences("en"))).isLessThanOrEqualTo(ENGLISH_FALSE_ALARMS);
    }

    @Test
    void englishSentencesOfPlainIntentAreFound() {
        assertThat(evaluation.explicitRecall("en").value()).as("English explicit recall %s",
                evaluation.explicitRecall("en")).isGreaterThanOrEqualTo(ENGLISH_EXPLICIT_RECALL);
    }

    @Test
    void germanSpanishAndFrenchPlainIntentAndSelfHarmBringSupportOrTheGentleSuggestion() {
        for (String language : List.of("de", "es", "fr")) {
            List<Boolean> offered = evaluation.outcomes().stream()
                    .filter(o -> o.example().language().equals(language) && o.example().explicit()
                            && (o.example().label().equals("suicidal") || o.example().label().equals("self_harm")))
                    .map(CrisisEvaluation.Outcome::offered).toList();
            double rate = offered.stream().filter(b -> b).count() / (double) offered.size();
            assertThat(rate).as("%s explicit intent and self-harm offered support or the gentle suggestion", language)
                    .isGreaterThanOrEqualTo(OTHER_LANGUAGE_EXPLICIT_OFFERED);
        }
    }

    private static void writeReportWhenAsked() throws IOException {
        String file = System.getProperty("mhc.crisis.report");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), new CrisisDetectionReport(evaluation, detector.classifier()).markdown(),
                    StandardCharsets.UTF_8);
        }
    }
}
