package org.mhconnect.content.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetScorerTest {

    private final PassageScorer lucene = new PassageScorer();
    private final SnippetScorer ours = new SnippetScorer();

    @Test
    void scoresEveryPassageExactlyAsLuceneDoes() {
        assertThat(ours.score(passage(0, 80, "kind", 4), 900)).isEqualTo(lucene.score(passage(0, 80, "kind", 4), 900));
        Passage repeated = passage(120, 260, "kind", 4, "calm", 9, "kind", 4, "breath", 1, "calm", 9, "kind", 4);
        assertThat(ours.score(repeated, 2_000)).isEqualTo(lucene.score(repeated, 2_000));
    }

    @Test
    void aPassageWithMoreOfTheWordsScoresHigher() {
        assertThat(ours.score(passage(0, 100, "kind", 3, "calm", 5), 1_000))
                .isGreaterThan(ours.score(passage(0, 100, "kind", 3), 1_000));
    }

    private static Passage passage(int start, int end, Object... termsAndFreqs) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(end);
        for (int i = 0; i < termsAndFreqs.length; i += 2) {
            int at = start + i * 5;
            passage.addMatch(at, at + 4, new BytesRef((String) termsAndFreqs[i]), (Integer) termsAndFreqs[i + 1]);
        }
        return passage;
    }
}
