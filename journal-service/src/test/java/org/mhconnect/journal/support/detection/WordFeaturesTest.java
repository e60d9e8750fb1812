package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words the classifier reads beside the embedding: the same buckets for the same words, however they are typed. */
class WordFeaturesTest {

    @Test
    void theSameWordsFallInTheSameBucketsWhateverTheirCaseAccentsAndApostrophes() {
        WordFeatures.Words typed = WordFeatures.of("I don’t want to WAKE UP… ever.");
        WordFeatures.Words plain = WordFeatures.of("i don't want to wake up ever");

        assertThat(typed.buckets()).containsExactly(plain.buckets());
        assertThat(typed.value()).isEqualTo(plain.value());
    }

    @Test
    void eachWordAndEachPairOfNeighboursIsABucketInRange() {
        WordFeatures.Words words = WordFeatures.of("she cut herself");

        // three words and two pairs; rarely, two of them share a bucket
        assertThat(words.buckets()).hasSizeBetween(4, 5);
        assertThat(java.util.Arrays.stream(words.buckets()).boxed().toList())
                .allSatisfy(bucket -> assertThat(bucket).isBetween(0, WordFeatures.BUCKETS - 1));
        assertThat(words.buckets()).isSorted().doesNotHaveDuplicates();
        assertThat(WordFeatures.of("she cut herself").buckets()).isNotEqualTo(WordFeatures.of("i cut myself").buckets());
    }

    @Test
    void aLongPieceWeighsNoMoreThanAShortOne() {
        WordFeatures.Words short_ = WordFeatures.of("tired");
        WordFeatures.Words longer = WordFeatures.of("so tired of everything that happened at work again today");
        double[] ones = new double[WordFeatures.BUCKETS];
        java.util.Arrays.fill(ones, 1);

        assertThat(short_.dot(ones)).isEqualTo(WordFeatures.SCALE);
        assertThat(longer.dot(ones)).isCloseTo(WordFeatures.SCALE * Math.sqrt(longer.buckets().length), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noWordsReadAsNothing() {
        assertThat(WordFeatures.of("  … !! ").buckets()).isEmpty();
        assertThat(WordFeatures.of("").dot(new double[WordFeatures.BUCKETS])).isZero();
    }
}
