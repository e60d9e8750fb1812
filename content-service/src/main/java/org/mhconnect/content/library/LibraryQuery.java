package org.mhconnect.content.library;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A search as Lucene queries: every word must match (its stem and synonyms, or, for a typo, the library's closest
 * words at a lower weight), the filters do not change the ranking, and the body's words alone feed the snippets.
 *
 * @param query      what ranks and filters the hits
 * @param inBody     the body's words, for the highlighter
 * @param didYouMean the search with its misspelt words corrected, or null
 */
record LibraryQuery(Query query, Query inBody, String didYouMean) {

    /** The queries for a search, or null when it has no words to search for. */
    static LibraryQuery of(LibraryIndex.Search search, IndexSearcher searcher, SearchWords searchWords,
            LibrarySpelling spelling) {
        List<SearchWords.Word> words = searchWords.words(search.text(), 12);
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder suggestion = new StringBuilder(search.text());
        boolean corrected = false;
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        // Snippets come from the body alone, so the highlighter gets only the body's words: it then reads their
        // offsets straight from the postings instead of re-running the whole query against every hit.
        BooleanQuery.Builder inBody = new BooleanQuery.Builder();
        // From the last word back, so that a correction does not move the places of the words before it.
        for (SearchWords.Word word : words.reversed()) {
            List<String> known = word.stems().stream().filter(stem -> LibrarySpelling.known(searcher, stem)).toList();
            List<String> alternatives = known;
            float weight = 1f;
            // A word people search with (a word of the synonyms file) is no typo, even when the library never uses it.
            if (known.isEmpty() && !searchWords.vocabulary().contains(word.typed())) {
                // Probably a typo: the closest words as written, and the closest stems, at a lower weight.
                String spelt = spelling.meant(searcher, word.typed());
                List<String> closest = new ArrayList<>(LibrarySpelling.corrections(searcher, word.stems().getFirst()));
                if (spelt != null) {
                    suggestion.replace(word.start(), word.end(), spelt);
                    corrected = true;
                    // The corrected word with its synonyms, as if it had been typed so.
                    List<SearchWords.Word> correction = searchWords.words(spelt, 1);
                    List<String> stems = correction.isEmpty() ? List.of() : correction.getFirst().stems();
                    stems.reversed().stream().filter(stem -> LibrarySpelling.known(searcher, stem) && !closest.contains(stem))
                            .forEach(closest::addFirst);
                }
                alternatives = closest;
                weight = 0.4f;
            }
            query.add(wordQuery(alternatives, weight, word.stems().getFirst()), Occur.MUST);
            alternatives.forEach(alternative -> inBody.add(new TermQuery(new Term("body", alternative)), Occur.SHOULD));
        }
        String didYouMean = corrected ? suggestion.toString() : null;
        if (search.type() != null) {
            query.add(new TermQuery(new Term("type", search.type().name())), Occur.FILTER);
        }
        if (search.topic() != null) {
            query.add(new TermQuery(new Term("topic", search.topic())), Occur.FILTER);
        }
        if (search.habit() != null) {
            query.add(new TermQuery(new Term("habit", search.habit())), Occur.FILTER);
        }
        if (search.maxMinutes() != null) {
            query.add(IntPoint.newRangeQuery("minutes", 0, search.maxMinutes()), Occur.FILTER);
        }
        return new LibraryQuery(query.build(), inBody.build(), didYouMean);
    }

    /**
     * A word matches exactly, with its stem, in any of the three fields. A word the library does not contain is
     * probably a typo: it stands for the library's closest words instead, within one edit (two from five letters on),
     * at a lower weight. Lucene's {@link DirectSpellChecker} finds them with one Levenshtein automaton over the
     * {@code words} field, so a typo costs one automaton per search instead of one per field in the query and again
     * in the highlighter, and the snippets mark the words that really matched.
     */
    private static Query wordQuery(List<String> alternatives, float weight, String own) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String alternative : alternatives) {
            // A synonym counts a little less than the word itself.
            float synonym = weight == 1f && !alternative.equals(own) ? 0.8f : 1f;
            for (String field : LibraryDocuments.FIELDS) {
                float fieldWeight = switch (field) {
                    case "title" -> 3f;
                    case "summary" -> 2f;
                    default -> 1f;
                };
                any.add(new BoostQuery(new TermQuery(new Term(field, alternative)), fieldWeight * weight * synonym),
                        Occur.SHOULD);
            }
        }
        return any.build();
    }
}
