package org.mhconnect.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words of the synonyms file, and how close a typed word is to one of them. */
class SearchVocabularyTest {

    private static final SearchVocabulary VOCABULARY = SearchVocabulary.of("""
            # anxious, comment
            anxious, anxiety, worry
            selfcare => self-care
            """);

    @Test
    void holdsTheSingleWordsOfEveryLineButNotCommentsOrWordsOfTwo() {
        assertThat(VOCABULARY.contains("anxiety")).isTrue();
        assertThat(VOCABULARY.contains("selfcare")).isTrue();
        assertThat(VOCABULARY.contains("self-care")).isFalse();
        assertThat(VOCABULARY.contains("comment")).isFalse();
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(SearchVocabulary.edits("anxiuos", "anxious")).isEqualTo(1);
        assertThat(SearchVocabulary.edits("axiety", "anxiety")).isEqualTo(1);
        assertThat(SearchVocabulary.edits("worry", "worry")).isZero();
        assertThat(SearchVocabulary.edits("sad", "calm")).isEqualTo(3);
    }

    @Test
    void theClosestWordWithinTheEditsAndWithTheSameFirstLetter() {
        assertThat(VOCABULARY.closest("anxiuos", 2)).isEqualTo("anxious");
        assertThat(VOCABULARY.closest("wory", 1)).isEqualTo("worry");
        assertThat(VOCABULARY.closest("nxious", 2)).as("another first letter").isNull();
        assertThat(VOCABULARY.closest("anxiousness", 2)).as("too far").isNull();
    }
}
