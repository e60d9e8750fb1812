package org.mhconnect.journal.support.detection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which language an entry is written in from its most common small words (stop words), listed per language
 * in {@code crisis/languages.tsv}. Text in a script other than Latin is another language. Short or ambiguous text
 * counts as English, the language the detector reads best, so that "kms" or "ok" is still read.
 */
final class LanguageGuess {

    /** A language must have at least this many more stop words than English to be chosen over it. */
    private static final int LEAD_OVER_ENGLISH = 1;

    private final Map<String, Set<String>> stopWords;

    private LanguageGuess(Map<String, Set<String>> stopWords) {
        this.stopWords = stopWords;
    }

    static LanguageGuess load() {
        Map<String, Set<String>> stopWords = new HashMap<>();
        for (List<String> row : DataFiles.rows("crisis/languages.tsv", 2)) {
            stopWords.put(row.get(0), Set.copyOf(java.util.Arrays.asList(Normalizer.words(Normalizer.plain(row.get(1))))));
        }
        return new LanguageGuess(Map.copyOf(stopWords));
    }

    Language of(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long latin = text.codePoints().filter(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (letters > 0 && latin * 2 < letters) {
            return Language.OTHER;
        }
        Map<String, Integer> hits = new HashMap<>();
        for (String word : Normalizer.words(Normalizer.plain(text).replace('\'', ' '))) {
            stopWords.forEach((language, words) -> {
                if (words.contains(word)) {
                    hits.merge(language, 1, Integer::sum);
                }
            });
        }
        int english = hits.getOrDefault(Language.ENGLISH.code(), 0);
        String best = Language.ENGLISH.code();
        int bestHits = english;
        for (Map.Entry<String, Integer> hit : hits.entrySet()) {
            if (hit.getValue() > bestHits) {
                best = hit.getKey();
                bestHits = hit.getValue();
            }
        }
        return bestHits >= english + LEAD_OVER_ENGLISH ? Language.ofCode(best) : Language.ENGLISH;
    }
}
