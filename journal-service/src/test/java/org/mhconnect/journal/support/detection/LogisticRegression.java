package org.mhconnect.journal.support.detection;

import java.util.List;

/**
 * Binary logistic regression with L2 regularisation, trained by full-batch Adam from zero weights for a fixed number
 * of steps: no randomness, so the same data always gives the same weights. Positives are weighted so that both
 * classes count equally, whatever their sizes.
 */
final class LogisticRegression {

    static final double L2 = 1e-4;
    static final int STEPS = 600;
    static final double LEARNING_RATE = 0.05;

    private LogisticRegression() {
    }

    /** Weights followed by the bias, as {@code double[dimensions + 1]}. */
    static double[] train(List<float[]> vectors, boolean[] positive) {
        int n = vectors.size();
        int d = vectors.getFirst().length;
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        double positiveWeight = positives == 0 ? 1 : (n - positives) / (double) positives;
        double[] w = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double[] gradient = new double[d + 1];
        for (int step = 1; step <= STEPS; step++) {
            java.util.Arrays.fill(gradient, 0);
            double total = 0;
            for (int i = 0; i < n; i++) {
                float[] x = vectors.get(i);
                double weight = positive[i] ? positiveWeight : 1;
                double error = (probability(w, x) - (positive[i] ? 1 : 0)) * weight;
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[j];
                }
                gradient[d] += error;
                total += weight;
            }
            for (int j = 0; j <= d; j++) {
                double g = gradient[j] / total + (j < d ? L2 * w[j] : 0);
                m[j] = 0.9 * m[j] + 0.1 * g;
                v[j] = 0.999 * v[j] + 0.001 * g * g;
                double mHat = m[j] / (1 - Math.pow(0.9, step));
                double vHat = v[j] / (1 - Math.pow(0.999, step));
                w[j] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        return w;
    }

    static double probability(double[] w, float[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
