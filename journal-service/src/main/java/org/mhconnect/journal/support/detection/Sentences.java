package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts an entry into the pieces that the semantic stage reads one at a time: sentences, and the clauses of a long
 * sentence. People write journals without punctuation too, so a line break also ends a sentence, and a very long run
 * of words is read in overlapping windows rather than as one blurred whole.
 */
final class Sentences {

    /** Sentence ends: . ! ? … and line breaks; a full stop inside a number or an abbreviation is rare enough here. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\\u2026])\\s+|[\\r\\n]+|(?<=[.!?])(?=\\p{Lu})");

    /** Where a long sentence splits into clauses: semicolons, dashes, and a comma or "but" between two thoughts. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*[;\\u2013\\u2014]\\s*|,\\s+(?=but\\b|and i\\b|so i\\b)"
            + "|\\s+(?=but\\b)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Longer sentences than this many words are also read clause by clause. */
    static final int LONG_SENTENCE_WORDS = 24;

    /** A run of words without any punctuation is read in windows of this many words, overlapping by half. */
    static final int WINDOW_WORDS = 24;

    private Sentences() {
    }

    /** The sentences of the text, in order, without empty ones. */
    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(text)) {
            String sentence = part.strip();
            if (sentence.chars().anyMatch(Character::isLetter)) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /**
     * The pieces of one sentence that are read on their own: the sentence itself when short, else its clauses,
     * and a clause that is still long is read in overlapping windows of words.
     */
    static List<String> pieces(String sentence) {
        String[] words = sentence.split("\\s+");
        if (words.length <= LONG_SENTENCE_WORDS) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(sentence)) {
            String[] clauseWords = clause.strip().split("\\s+");
            if (clauseWords.length <= LONG_SENTENCE_WORDS) {
                if (!clause.isBlank()) {
                    pieces.add(clause.strip());
                }
                continue;
            }
            for (int from = 0; from < clauseWords.length; from += WINDOW_WORDS / 2) {
                int to = Math.min(clauseWords.length, from + WINDOW_WORDS);
                pieces.add(String.join(" ", java.util.Arrays.copyOfRange(clauseWords, from, to)));
                if (to == clauseWords.length) {
                    break;
                }
            }
        }
        return pieces;
    }
}
