package org.mhconnect.content.library;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * How the library's words and a search's words are analysed.
 *
 * <ul>
 * <li>The index: English stemming ({@link EnglishAnalyzer}) for title, summary and body; the {@code spelling} field
 * keeps every word as written (lower-cased, not stemmed), so that "did you mean" offers real words.</li>
 * <li>A search: the same stemming, after Lucene's {@link SynonymGraphFilter} with the groups of
 * {@code search/synonyms.txt} ("anxious" also finds "worry"). Synonyms apply at query time only, so changing the file
 * needs no re-indexing.</li>
 * <li>The file's single words are also a {@link SearchVocabulary}: real words, never taken for typos, and what a
 * misspelt search word may be corrected to.</li>
 * </ul>
 */
final class SearchWords {

    /** The field of unstemmed words that spelling suggestions come from. */
    static final String SPELLING = "spelling";

    /** One word of a search: as typed, where it stands in the text, and the stems it may match (its own first). */
    record Word(String typed, int start, int end, List<String> stems) {
    }

    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer spelling = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(new EnglishPossessiveFilter(source)));
        }
    };
    private final Analyzer indexing = new PerFieldAnalyzerWrapper(english, Map.of(SPELLING, spelling));
    private final Analyzer query;
    private final SearchVocabulary vocabulary;

    SearchWords() {
        String file = synonymsFile();
        this.vocabulary = SearchVocabulary.of(file);
        SynonymMap synonyms = synonyms(file, spelling);
        this.query = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(new EnglishPossessiveFilter(source));
                result = new SynonymGraphFilter(result, synonyms, true);
                result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new PorterStemFilter(result));
            }
        };
    }

    /** The analyzer the index is written with (and the highlighter reads the body with). */
    Analyzer indexing() {
        return indexing;
    }

    /** The single words of the synonyms file: real words people search with, which are never taken for typos. */
    SearchVocabulary vocabulary() {
        return vocabulary;
    }

    /** The words of a search, at most {@code max}, each with the stems of its synonyms. */
    List<Word> words(String text, int max) {
        List<Word> words = new ArrayList<>();
        Set<String> stems = new LinkedHashSet<>();
        int start = -1;
        int end = -1;
        try (TokenStream tokens = query.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute position = tokens.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (position.getPositionIncrement() > 0 && !stems.isEmpty()) {
                    words.add(word(text, start, end, stems));
                    stems = new LinkedHashSet<>();
                    if (words.size() == max) {
                        break;
                    }
                }
                boolean own = !SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
                if (own) {
                    // The word as typed comes first: it weighs more than its synonyms.
                    LinkedHashSet<String> first = new LinkedHashSet<>();
                    first.add(term.toString());
                    first.addAll(stems);
                    stems = first;
                    start = offset.startOffset();
                    end = offset.endOffset();
                }
                else {
                    stems.add(term.toString());
                    if (start < 0 || stems.size() == 1) {
                        start = offset.startOffset();
                        end = offset.endOffset();
                    }
                }
            }
            if (!stems.isEmpty() && words.size() < max) {
                words.add(word(text, start, end, stems));
            }
            tokens.end();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return words;
    }

    private static Word word(String text, int start, int end, Set<String> stems) {
        return new Word(text.substring(start, end).toLowerCase(Locale.ROOT), start, end, List.copyOf(stems));
    }

    private static String synonymsFile() {
        try (var file = SearchWords.class.getResourceAsStream("/search/synonyms.txt")) {
            return new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("search/synonyms.txt could not be read", ex);
        }
    }

    private static SynonymMap synonyms(String file, Analyzer words) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
        try (Reader lines = new StringReader(file)) {
            parser.parse(lines);
            return parser.build();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("search/synonyms.txt could not be read", ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("search/synonyms.txt has a mistake on line " + ex.getErrorOffset(), ex);
        }
    }
}
