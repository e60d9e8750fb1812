package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which sentences are worth the semantic stage's time. Most of a journal is about the day, and a sentence
 * with none of the words that crisis language is built from (death, life, harm, the body, violence, despair,
 * escape, ending, sleep, pills, "anymore"…, in every covered language) cannot say it. The words live in
 * {@code crisis/risk-words.tsv} as word beginnings ("suicid" covers suicide, suicidal, suicidio) and phrases.
 *
 * <p>The gate is wide on purpose: it only saves time, so a sentence it lets through for nothing costs a millisecond,
 * while one it wrongly stops is never read. The evaluation counts the gate's misses with the detector's.
 */
final class RiskGate {

    /** Shorter entries are whole words only: "cut" is not the beginning of "cute". */
    private static final int SHORTEST_BEGINNING = 4;

    private final Set<String> wholeWords;
    private final Set<String> beginnings;
    private final List<String> phrases;
    private final int longest;

    private RiskGate(Set<String> wholeWords, Set<String> beginnings, List<String> phrases) {
        this.wholeWords = wholeWords;
        this.beginnings = beginnings;
        this.phrases = phrases;
        this.longest = beginnings.stream().mapToInt(String::length).max().orElse(0);
    }

    static RiskGate load() {
        Set<String> wholeWords = new HashSet<>();
        Set<String> beginnings = new HashSet<>();
        List<String> phrases = new ArrayList<>();
        for (List<String> row : DataFiles.rows("crisis/risk-words.tsv", 2)) {
            for (String entry : row.get(1).split(",")) {
                String plain = Normalizer.plain(entry);
                if (plain.contains(" ")) {
                    phrases.add(" " + plain + " ");
                }
                else if (plain.length() >= SHORTEST_BEGINNING) {
                    beginnings.add(plain);
                }
                else if (!plain.isEmpty()) {
                    wholeWords.add(plain);
                }
            }
        }
        return new RiskGate(Set.copyOf(wholeWords), Set.copyOf(beginnings), List.copyOf(phrases));
    }

    /** Whether the sentence has a word or phrase that crisis language is made of. */
    boolean worthReading(String sentence) {
        String plain = Normalizer.plain(sentence);
        for (String word : Normalizer.words(plain)) {
            if (wholeWords.contains(word)) {
                return true;
            }
            for (int length = Math.min(word.length(), longest); length >= SHORTEST_BEGINNING; length--) {
                if (beginnings.contains(word.substring(0, length))) {
                    return true;
                }
            }
        }
        String padded = " " + plain + " ";
        for (String phrase : phrases) {
            if (padded.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
