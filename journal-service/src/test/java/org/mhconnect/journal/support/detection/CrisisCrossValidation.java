package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mhconnect.journal.support.detection.CrisisDetector.Policy;
import org.mhconnect.journal.support.detection.CrisisDetector.Reading;
import org.mhconnect.journal.support.detection.LabelledCorpus.Example;

/**
 * Judges the detector's decisions on the training data alone, so that nothing is tuned on the frozen evaluation set:
 * five folds (sentence {@code i} is in fold {@code i % 5}); each fold is read by the whole detector (rules, risk gate,
 * pieces, neighbours, writer gate) with a classifier trained on the other four. Prints English recall, explicit recall
 * and false alarms for each {@link Policy} of a grid; run by {@code bench/crisis-detection.sh cv}.
 */
final class CrisisCrossValidation {

    private static final int FOLDS = 5;

    private final CrisisDetector detector;
    private final SentenceEmbeddings embeddings;

    CrisisCrossValidation(CrisisDetector detector, SentenceEmbeddings embeddings) {
        this.detector = detector;
        this.embeddings = embeddings;
    }

    /** One line per policy of the grid, best recall within each false-alarm level first. */
    List<String> grid(CrisisClassifier shipped) {
        List<Example> examples = LabelledCorpus.read(LabelledCorpus.TRAINING);
        List<float[]> meanings = new CrisisClassifierTraining(embeddings).meanings(
                examples.stream().map(Example::text).toList());
        List<CrisisDetector.RuleReading> rules = new ArrayList<>();
        List<List<Reading>> readings = new ArrayList<>();
        for (Example example : examples) {
            CrisisDetector.RuleReading rule = detector.readRules(example.text());
            rules.add(rule);
            readings.add(detector.readings(rule.pieces()));
        }
        List<CrisisClassifier> folds = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            folds.add(foldClassifier(examples, meanings, fold, shipped));
        }
        List<Policy> policies = new ArrayList<>();
        for (Perspective.Gate gate : Perspective.Gate.values()) {
            for (double sure : new double[] {0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01}) {
                for (double fairlySure : new double[] {0.25, 0.3, 0.35, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9}) {
                    if (fairlySure <= sure) {
                        policies.add(new Policy(sure, fairlySure, gate));
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        policies.add(Policy.SHIPPED);
        for (Policy policy : policies) {
            java.util.Map<String, Integer> missed = new java.util.TreeMap<>();
            java.util.Map<String, Integer> alarmed = new java.util.TreeMap<>();
            java.util.Map<String, Integer> ruleAlarmed = new java.util.TreeMap<>();
            int crisis = 0;
            int found = 0;
            int explicit = 0;
            int explicitFound = 0;
            int negatives = 0;
            int alarms = 0;
            for (int i = 0; i < examples.size(); i++) {
                Example example = examples.get(i);
                if (!example.language().equals("en")) {
                    continue;
                }
                Set<CrisisSignal> signals = EnumSet.noneOf(CrisisSignal.class);
                signals.addAll(rules.get(i).signals());
                Set<CrisisSignal> meant = EnumSet.noneOf(CrisisSignal.class);
                boolean gentle = CrisisDetector.decide(readings.get(i), folds.get(i % FOLDS), policy, meant);
                if (rules.get(i).language() == Language.ENGLISH) {
                    signals.addAll(meant);
                }
                else {
                    gentle |= !meant.isEmpty();
                }
                boolean support = !signals.isEmpty();
                if (example.label().equals(LabelledCorpus.NONE)) {
                    negatives++;
                    alarms += support ? 1 : 0;
                    if (support) {
                        alarmed.merge(example.kind(), 1, Integer::sum);
                    }
                    if (!rules.get(i).signals().isEmpty()) {
                        ruleAlarmed.merge(example.kind(), 1, Integer::sum);
                    }
                }
                else {
                    boolean helped = support || example.label().equals("hopeless") && gentle;
                    if (!helped) {
                        missed.merge(example.label() + "/" + example.kind(), 1, Integer::sum);
                    }
                    if (example.crisis()) {
                        crisis++;
                        found += helped ? 1 : 0;
                    }
                    if (example.explicit()) {
                        explicit++;
                        explicitFound += helped ? 1 : 0;
                    }
                }
            }
            lines.add(String.format(Locale.ROOT, "%-16s sure %.2f fairly %.2f: recall %.3f explicit %.3f false alarms %.3f",
                    policy.writerGate(), policy.sure(), policy.fairlySure(), found / (double) crisis,
                    explicitFound / (double) explicit, alarms / (double) negatives));
            if (policy == Policy.SHIPPED) {
                lines.add("shipped policy " + policy + "\n  misses " + missed + "\n  false alarms " + alarmed
                        + "\n  of which the rules " + ruleAlarmed);
            }
        }
        return lines;
    }

    private static CrisisClassifier foldClassifier(List<Example> examples, List<float[]> meanings, int fold,
            CrisisClassifier shipped) {
        List<float[]> vectors = new ArrayList<>();
        List<Example> kept = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (i % FOLDS != fold) {
                vectors.add(meanings.get(i));
                kept.add(examples.get(i));
            }
        }
        List<CrisisClassifier.Category> categories = new ArrayList<>();
        for (CrisisClassifier.Category category : shipped.categories()) {
            boolean[] positive = new boolean[kept.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = kept.get(i).label().equals(category.name());
            }
            double[] w = LogisticRegression.train(vectors, CrisisClassifierTraining.words(kept), positive);
            categories.add(LogisticRegression.category(category.name(), category.threshold(), w));
        }
        return new CrisisClassifier(shipped.version() + "/fold-" + fold, shipped.embeddingModel(),
                shipped.trainingDataSha256(), List.copyOf(categories));
    }
}
