package org.mhconnect.content.library;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Snippets of a hit's body, the matches marked with {@code <mark>} and everything else HTML-escaped. */
final class Snippets {

    private Snippets() {
    }

    private static final SnippetScorer SNIPPET_SCORER = new SnippetScorer();

    /** Lucene's UnifiedHighlighter, reading the bodies from the listings instead of from stored fields. */
    static UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer analyzer, Map<String, Listing> listings) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withScorer(SNIPPET_SCORER)
                .withWeightMatches(false)
                .withMaxLength(100_000);
        return new UnifiedHighlighter(builder) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Listing listing = listings.get(LibraryDocuments.slugOf(searcher, doc));
                    CharSequence[] texts = new CharSequence[fields.length];
                    Arrays.fill(texts, listing == null ? "" : listing.body());
                    values.add(texts);
                }
                return values;
            }
        };
    }
}
