package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.mhconnect.journal.support.detection.LabelledCorpus.Example;

/**
 * Runs the whole detector over the frozen evaluation set, the way an entry is read, and counts per language and
 * category: recall (support offered for a crisis sentence; for a hopeless one, support or the gentle suggestion),
 * false alarms (support offered for a sentence that needs none), with Wilson 95% intervals, and the misses by kind.
 */
final class CrisisEvaluation {

    private final List<Outcome> outcomes = new ArrayList<>();

    CrisisEvaluation(CrisisDetector detector, List<Example> examples) {
        for (Example example : examples) {
            outcomes.add(new Outcome(example, detector.assess(example.text())));
        }
    }

    /** Recall over the crisis sentences of a language, or of one category when it is not null. */
    Rate recall(String language, String category) {
        return rate(outcomes.stream()
                .filter(o -> o.example().language().equals(language))
                .filter(o -> category == null ? o.example().crisis() : o.example().label().equals(category))
                .map(Outcome::helped).toList());
    }

    /** Over the crisis sentences of a language: the share offered at least the gentle suggestion. */
    Rate offered(String language) {
        return rate(outcomes.stream()
                .filter(o -> o.example().language().equals(language) && o.example().crisis())
                .map(Outcome::offered).toList());
    }

    /** Recall over the sentences stating intent, a plan or the act in plain words. */
    Rate explicitRecall(String language) {
        return rate(outcomes.stream()
                .filter(o -> o.example().language().equals(language) && o.example().explicit())
                .map(Outcome::helped).toList());
    }

    /** The share of sentences needing no support that were offered it anyway. */
    Rate falseAlarms(String language) {
        return rate(outcomes.stream()
                .filter(o -> o.example().language().equals(language) && o.example().label().equals(LabelledCorpus.NONE))
                .map(o -> o.assessment().crisis()).toList());
    }

    /** The share of sentences needing no support that got the gentle suggestion. */
    Rate gentleOnNegatives(String language) {
        return rate(outcomes.stream()
                .filter(o -> o.example().language().equals(language) && o.example().label().equals(LabelledCorpus.NONE))
                .map(o -> o.assessment().gentleSuggestion()).toList());
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<Outcome> misses(String language) {
        return outcomes.stream().filter(o -> o.example().language().equals(language))
                .filter(o -> !o.example().label().equals(LabelledCorpus.NONE) && !o.helped()).toList();
    }

    List<Outcome> falseAlarmSentences(String language) {
        return outcomes.stream().filter(o -> o.example().language().equals(language))
                .filter(o -> o.example().label().equals(LabelledCorpus.NONE) && o.assessment().crisis()).toList();
    }

    /** How many misses (or false alarms) of each kind. */
    static Map<String, Integer> byKind(List<Outcome> outcomes) {
        Map<String, Integer> kinds = new TreeMap<>();
        outcomes.forEach(o -> kinds.merge(o.example().label() + "/" + o.example().kind(), 1, Integer::sum));
        return kinds;
    }

    List<String> languages() {
        Map<String, Boolean> languages = new LinkedHashMap<>();
        outcomes.forEach(o -> languages.put(o.example().language(), true));
        return List.copyOf(languages.keySet());
    }

    private static Rate rate(List<Boolean> hits) {
        int n = hits.size();
        int k = (int) hits.stream().filter(b -> b).count();
        return new Rate(k, n);
    }

    /** One sentence and what the detector made of it. */
    record Outcome(Example example, CrisisAssessment assessment) {

        /** Whether anything was offered: support, or the gentle suggestion. */
        boolean offered() {
            return assessment.crisis() || assessment.gentleSuggestion();
        }

        boolean helped() {
            return example.label().equals("hopeless") ? assessment.crisis() || assessment.gentleSuggestion()
                    : assessment.crisis();
        }
    }

    /** k of n, with the Wilson score interval at 95%. */
    record Rate(int k, int n) {

        double value() {
            return n == 0 ? Double.NaN : (double) k / n;
        }

        double[] wilson() {
            if (n == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double z = 1.959964;
            double p = value();
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
            return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
        }

        @Override
        public String toString() {
            if (n == 0) {
                return "–";
            }
            double[] ci = wilson();
            return String.format(Locale.ROOT, "%.3f (%d/%d, 95%% CI %.3f–%.3f)", value(), k, n, ci[0], ci[1]);
        }
    }
}
