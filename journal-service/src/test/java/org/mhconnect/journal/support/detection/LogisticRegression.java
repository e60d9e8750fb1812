package org.mhconnect.journal.support.detection;

import java.util.List;

/**
 * Binary logistic regression with L2 regularisation over a sentence's embedding and its {@link WordFeatures}, trained
 * by full-batch Adam from zero weights for a fixed number of steps: no randomness, so the same data always gives the
 * same weights. Positives are weighted so that both classes count equally, whatever their sizes. A word bucket no
 * training sentence has keeps its weight of 0.
 */
final class LogisticRegression {

    static final double L2 = 1e-4;
    static final int STEPS = 600;
    static final double LEARNING_RATE = 0.05;

    private LogisticRegression() {
    }

    /**
     * The embedding's weights, then the {@link WordFeatures#BUCKETS} word weights, then the bias, as
     * {@code double[dimensions + buckets + 1]}.
     */
    static double[] train(List<float[]> vectors, List<WordFeatures.Words> words, boolean[] positive) {
        int n = vectors.size();
        int d = vectors.getFirst().length;
        int total = d + WordFeatures.BUCKETS + 1;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double positiveWeight = positives == 0 ? 1 : (n - positives) / (double) positives;
        double[] w = new double[total];
        double[] m = new double[total];
        double[] v = new double[total];
        double[] gradient = new double[total];
        for (int step = 1; step <= STEPS; step++) {
            java.util.Arrays.fill(gradient, 0);
            double weightSum = 0;
            for (int i = 0; i < n; i++) {
                float[] x = vectors.get(i);
                WordFeatures.Words sentenceWords = words.get(i);
                double weight = positive[i] ? positiveWeight : 1;
                double error = (probability(w, x, sentenceWords) - (positive[i] ? 1 : 0)) * weight;
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[j];
                }
                for (int bucket : sentenceWords.buckets()) {
                    gradient[d + bucket] += error * sentenceWords.value();
                }
                gradient[total - 1] += error;
                weightSum += weight;
            }
            for (int j = 0; j < total; j++) {
                double g = gradient[j] / weightSum + (j < total - 1 ? L2 * w[j] : 0);
                m[j] = 0.9 * m[j] + 0.1 * g;
                v[j] = 0.999 * v[j] + 0.001 * g * g;
                double mHat = m[j] / (1 - Math.pow(0.9, step));
                double vHat = v[j] / (1 - Math.pow(0.999, step));
                w[j] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return w;
    }

    static double probability(double[] w, float[] x, WordFeatures.Words words) {
        double z = w[w.length - 1];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        for (int bucket : words.buckets()) {
            z += w[x.length + bucket] * words.value();
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The category of the classifier file that weights from {@link #train} make. */
    static CrisisClassifier.Category category(String name, double threshold, double[] w) {
        int d = SentenceEmbeddings.DIMENSIONS;
        return new CrisisClassifier.Category(name, threshold, w[w.length - 1], java.util.Arrays.copyOf(w, d),
                java.util.Arrays.copyOfRange(w, d, d + WordFeatures.BUCKETS));
    }
}
