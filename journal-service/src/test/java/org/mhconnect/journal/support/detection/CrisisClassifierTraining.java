package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mhconnect.journal.support.detection.LabelledCorpus.Example;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@code crisis/classifier.json} from the training data: one logistic regression per category over sentence
 * embeddings and their words ({@link WordFeatures}). Each category's threshold is the highest probability that still finds {@link #TARGET_RECALL} of its
 * sentences when every sentence is scored by a model that never saw it (five folds over the training data); the
 * frozen evaluation set plays no part.
 */
final class CrisisClassifierTraining {

    static final String METHOD = "logistic-regression/embedding+hashed-words-12-bits/adam-600/l2-1e-4/5-fold-thresholds-at-0.85-recall";
    static final double TARGET_RECALL = 0.85;
    static final double LOWEST_THRESHOLD = 0.2;
    static final double HIGHEST_THRESHOLD = 0.9;
    private static final int FOLDS = 5;

    private final SentenceEmbeddings embeddings;

    CrisisClassifierTraining(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** The classifier file's JSON for the training data. */
    String train() {
        List<Example> examples = LabelledCorpus.read(LabelledCorpus.TRAINING);
        List<float[]> vectors = meanings(examples.stream().map(Example::text).toList());
        List<WordFeatures.Words> words = words(examples);
        String sha256 = LabelledCorpus.sha256(LabelledCorpus.TRAINING);
        ObjectNode json = JsonMapper.shared().createObjectNode();
        json.put("version", "crisis-classifier/" + sha256.substring(0, 12));
        json.put("method", METHOD);
        json.put("embeddingModel", SentenceEmbeddings.MODEL);
        json.put("trainingData", LabelledCorpus.TRAINING);
        json.put("trainingDataSha256", sha256);
        json.put("trainingExamples", examples.size());
        ObjectNode wordFeatures = json.putObject("wordFeatures");
        wordFeatures.put("bits", WordFeatures.BITS);
        wordFeatures.put("scale", WordFeatures.SCALE);
        ArrayNode categories = json.putArray("categories");
        for (String category : LabelledCorpus.CATEGORIES) {
            boolean[] positive = new boolean[examples.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = examples.get(i).label().equals(category);
            }
            double threshold = threshold(vectors, words, positive);
            double[] weights = LogisticRegression.train(vectors, words, positive);
            int d = SentenceEmbeddings.DIMENSIONS;
            ObjectNode node = categories.addObject();
            node.put("name", category);
            node.put("threshold", threshold);
            node.put("bias", weights[weights.length - 1]);
            ArrayNode array = node.putArray("weights");
            for (int j = 0; j < d; j++) {
                array.add(Double.parseDouble(String.format(Locale.ROOT, "%.6g", weights[j])));
            }
            ArrayNode wordWeights = node.putArray("wordWeights");
            for (int j = d; j < d + WordFeatures.BUCKETS; j++) {
                wordWeights.add(Double.parseDouble(String.format(Locale.ROOT, "%.6g", weights[j])));
            }
        }
        return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    }

    /**
     * What each text means as the detector reads it: one sentence is its embedding; several are read together, as
     * neighbouring sentences are.
     */
    List<float[]> meanings(List<String> texts) {
        List<String> pieces = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (String text : texts) {
            int from = pieces.size();
            for (String sentence : Sentences.of(text)) {
                pieces.addAll(Sentences.pieces(sentence));
            }
            if (pieces.size() == from) {
                pieces.add(text);
            }
            ranges.add(new int[] {from, pieces.size()});
        }
        float[][] vectors = new float[pieces.size()][];
        int batch = 64;
        for (int from = 0; from < pieces.size(); from += batch) {
            float[][] embedded = embeddings.embed(pieces.subList(from, Math.min(pieces.size(), from + batch)));
            System.arraycopy(embedded, 0, vectors, from, embedded.length);
        }
        List<float[]> meanings = new ArrayList<>();
        for (int[] range : ranges) {
            float[] meaning = vectors[range[0]];
            for (int i = range[0] + 1; i < range[1]; i++) {
                meaning = Vectors.between(meaning, vectors[i]);
            }
            meanings.add(meaning);
        }
        return meanings;
    }

    /** The words of each example, read whole. */
    static List<WordFeatures.Words> words(List<Example> examples) {
        return examples.stream().map(example -> WordFeatures.of(example.text())).toList();
    }

    private static double threshold(List<float[]> vectors, List<WordFeatures.Words> words, boolean[] positive) {
        List<Double> heldOut = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<float[]> trainVectors = new ArrayList<>();
            List<WordFeatures.Words> trainWords = new ArrayList<>();
            List<Boolean> trainLabels = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                if (i % FOLDS != fold) {
                    trainVectors.add(vectors.get(i));
                    trainWords.add(words.get(i));
                    trainLabels.add(positive[i]);
                }
            }
            boolean[] labels = new boolean[trainLabels.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = trainLabels.get(i);
            }
            double[] weights = LogisticRegression.train(trainVectors, trainWords, labels);
            for (int i = fold; i < vectors.size(); i += FOLDS) {
                if (positive[i]) {
                    heldOut.add(LogisticRegression.probability(weights, vectors.get(i), words.get(i)));
                }
            }
        }
        heldOut.sort(null);
        int allowedMisses = (int) Math.floor(heldOut.size() * (1 - TARGET_RECALL));
        double threshold = heldOut.get(allowedMisses);
        return Math.max(LOWEST_THRESHOLD, Math.min(HIGHEST_THRESHOLD, threshold));
    }
}
