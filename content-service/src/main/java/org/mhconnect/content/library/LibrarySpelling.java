package org.mhconnect.content.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;

/**
 * Typos in a search: whether the library knows a word, its closest words in the library (within one edit, two from
 * five letters on, with Lucene's {@link DirectSpellChecker} over the {@code words} field), and "did you mean" from
 * the library's words as written or the words people search with ({@link SearchVocabulary}).
 */
final class LibrarySpelling {

    private final SearchWords searchWords;

    LibrarySpelling(SearchWords searchWords) {
        this.searchWords = searchWords;
    }

    static boolean known(IndexSearcher searcher, String word) {
        try {
            return searcher.getIndexReader().docFreq(new Term(LibraryDocuments.WORDS, word)) > 0;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The library's closest words to one it does not contain; none for words of three letters or fewer. */
    static List<String> corrections(IndexSearcher searcher, String word) {
        if (word.length() <= 3) {
            return List.of();
        }
        DirectSpellChecker speller = word.length() == 4 ? ONE_EDIT : TWO_EDITS;
        try {
            return Arrays.stream(speller.suggestSimilar(new Term(LibraryDocuments.WORDS, word), 5, searcher.getIndexReader(),
                    SuggestMode.SUGGEST_ALWAYS)).map(suggestion -> suggestion.string).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * "Did you mean": the closest word to one the library does not contain, either a word of the library as written
     * or a word people search with ({@link SearchVocabulary}: "anxiuos" is "anxious", which the library never says
     * but whose synonyms it does); the library's word when both are as close; or null.
     */
    String meant(IndexSearcher searcher, String typed) {
        String inLibrary = spelling(searcher, typed);
        String searched = typed.length() <= 3 ? null : searchWords.vocabulary().closest(typed, typed.length() == 4 ? 1 : 2);
        if (searched != null && (inLibrary == null
                || SearchVocabulary.edits(typed, searched) < SearchVocabulary.edits(typed, inLibrary))) {
            return searched;
        }
        return inLibrary;
    }

    /** The library's closest word as written to one it does not contain, or null. */
    private static String spelling(IndexSearcher searcher, String typed) {
        if (typed.length() <= 3) {
            return null;
        }
        DirectSpellChecker speller = typed.length() == 4 ? ONE_EDIT : TWO_EDITS;
        try {
            var best = speller.suggestSimilar(new Term(SearchWords.SPELLING, typed), 1, searcher.getIndexReader(),
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return best.length == 0 ? null : best[0].string;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static final DirectSpellChecker ONE_EDIT = speller(1);
    private static final DirectSpellChecker TWO_EDITS = speller(2);

    private static DirectSpellChecker speller(int edits) {
        DirectSpellChecker speller = new DirectSpellChecker();
        speller.setMaxEdits(edits);
        speller.setMinPrefix(1);
        speller.setMinQueryLength(4);
        speller.setAccuracy(0.5f);
        return speller;
    }
}
