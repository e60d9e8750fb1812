package org.mhconnect.journal.support.detection;

import java.util.Arrays;

/**
 * The words of a piece, as the semantic stage's second kind of evidence beside its embedding: each word and each pair
 * of neighbouring words, in {@link Normalizer#plain(String)} form, hashed into one of {@link #BUCKETS} buckets. A
 * sentence embedding blurs who and how ("my friend cut herself", "I cut my finger chopping onions" sit close to "I cut
 * myself"); the classifier's weight for a bucket says how the words in it moved the training sentences, so that words
 * like "she", "accidentally" or "not suicidal" can pull a piece away from a category. The hash is
 * {@link String#hashCode()}, which the Java Language Specification fixes, so the buckets are the same on every JVM.
 *
 * <p>A piece's buckets share one value, {@link #SCALE} over the square root of their number, so a long piece weighs no
 * more than a short one.
 */
final class WordFeatures {

    /** Buckets: 2^12. Two words rarely share one in a corpus of a few thousand sentences. */
    static final int BITS = 12;
    static final int BUCKETS = 1 << BITS;
    /** How much the words weigh against the embedding (a unit vector), chosen on the training folds. */
    static final double SCALE = 1.0;

    /** What a classifier reads of a piece's words: its distinct buckets, in order, and the value each one has. */
    record Words(int[] buckets, double value) {

        static final Words NONE = new Words(new int[0], 0);

        /** The words' part of a linear score: the sum of their buckets' weights, times their value. */
        double dot(double[] weights) {
            double sum = 0;
            for (int bucket : buckets) {
                sum += weights[bucket];
            }
            return sum * value;
        }
    }

    private WordFeatures() {
    }

    static Words of(String text) {
        String[] words = Normalizer.words(Normalizer.plain(text));
        if (words.length == 0) {
            return Words.NONE;
        }
        int[] buckets = new int[words.length * 2 - 1];
        for (int i = 0; i < words.length; i++) {
            buckets[2 * i] = bucket("w " + words[i]);
            if (i + 1 < words.length) {
                buckets[2 * i + 1] = bucket("b " + words[i] + " " + words[i + 1]);
            }
        }
        int[] distinct = Arrays.stream(buckets).sorted().distinct().toArray();
        return new Words(distinct, SCALE / Math.sqrt(distinct.length));
    }

    private static int bucket(String feature) {
        return feature.hashCode() & (BUCKETS - 1);
    }
}
