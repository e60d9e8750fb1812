package org.mhconnect.journal.support.detection;

/** The little vector arithmetic the semantic stage needs. */
final class Vectors {

    private Vectors() {
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The unit vector halfway between two: what two neighbouring sentences say together. */
    static float[] between(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return unit(sum);
    }

    static double dot(double[] weights, float[] vector) {
        double sum = 0;
        for (int i = 0; i < vector.length; i++) {
            sum += weights[i] * vector[i];
        }
        return sum;
    }
}
