package org.mhconnect.content.library;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The single words of {@code search/synonyms.txt}: words people search with, whether or not the library uses them.
 * A word of it is no typo, even when the library never says it ("shame" is not corrected to "shape"), and a misspelt
 * one is corrected to it ("anxiuos" to "anxious"), which then finds its synonyms that the library does use.
 */
final class SearchVocabulary {

    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private final Set<String> words;

    private SearchVocabulary(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The single words of a synonyms file in Solr's format (comments, commas and {@code =>}). */
    static SearchVocabulary of(String synonyms) {
        Set<String> words = new TreeSet<>();
        synonyms.lines().map(line -> line.replaceFirst("#.*", "")).forEach(line -> {
            for (String entry : line.split(",|=>")) {
                String word = entry.trim().toLowerCase(Locale.ROOT);
                if (WORD.matcher(word).matches()) {
                    words.add(word);
                }
            }
        });
        return new SearchVocabulary(words);
    }

    boolean contains(String word) {
        return words.contains(word);
    }

    /**
     * The word of the vocabulary closest to one typed, within {@code maxEdits} and starting with the same letter (as
     * the library's spelling suggestions do); the first in alphabetical order of equally close ones; or null.
     */
    String closest(String typed, int maxEdits) {
        String best = null;
        int fewest = maxEdits + 1;
        for (String word : words) {
            if (word.charAt(0) != typed.charAt(0) || Math.abs(word.length() - typed.length()) > maxEdits) {
                continue;
            }
            int edits = edits(typed, word);
            if (edits < fewest) {
                best = word;
                fewest = edits;
            }
        }
        return best;
    }

    /**
     * How many edits turn one word into the other: inserting, removing or changing a letter, or swapping two
     * neighbours ("anxiuos" is one edit from "anxious"), as Lucene's spelling suggestions count them.
     */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
