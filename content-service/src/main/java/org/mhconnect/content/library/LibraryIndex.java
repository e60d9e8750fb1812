package org.mhconnect.content.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Full-text search over the published library with Apache Lucene, in memory in every instance.
 *
 * <ul>
 * <li>English stemming: "breathing" finds "breathe"; synonyms at query time: "anxious" finds "worry"
 * ({@link SearchWords}, {@code search/synonyms.txt}).</li>
 * <li>Typo tolerance: a word the library does not contain stands for its closest words in the library, within one
 * edit (two from five letters on), at a lower weight ({@link DirectSpellChecker}, from lucene-suggest); the answer's
 * {@code suggestion} is the search with such words corrected to the library's closest words as written.</li>
 * <li>Relevance: a match in the title counts three times, in the summary twice, in the body once; every word of the
 * query must match somewhere.</li>
 * <li>Filters (type, topic, habit, longest duration) do not change the ranking.</li>
 * <li>Snippets from the body, the matches marked with {@code <mark>}, everything else HTML-escaped.</li>
 * </ul>
 * The index is rebuilt from MongoDB when the service starts, and kept current by the {@code content.*} events,
 * which every instance reads ({@link LibraryIndexUpdates}): each event re-reads its one item by id. A full rebuild
 * every {@code mhc.content.search.refresh-every} (10 min) is the safety net for an event missed while an instance
 * started. A search runs against one consistent reader, never a half-built index.
 */
@Component
public class LibraryIndex {

    private static final Logger log = LoggerFactory.getLogger(LibraryIndex.class);

    private final MongoTemplate mongo;
    private final SearchWords searchWords = new SearchWords();
    private final Analyzer analyzer = searchWords.indexing();
    private volatile Live live;
    private int indexed = -1;

    LibraryIndex(MongoTemplate mongo,
            @org.springframework.beans.factory.annotation.Value("${mhc.content.search.cache-size:2000}") int cacheSize) {
        this.mongo = mongo;
        this.live = Live.create(analyzer);
        this.answers = cacheSize <= 0 ? null
                : com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    private void forgetAnswers() {
        if (answers != null) {
            answers.invalidateAll();
        }
    }

    /** One hit of a search. */
    record Hit(String slug, String type, String title, String summary, List<String> topics, int minutes, String snippet,
            float score) {
    }

    /** A page of hits; {@code suggestion} is the search with its misspelt words corrected ("did you mean"), or null. */
    record Results(List<Hit> items, int page, int size, long total, String suggestion) {
    }

    /** What to search for. Null filters match everything. */
    record Search(String text, ContentType type, String topic, String habit, Integer maxMinutes, int page, int size) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAtStart() {
        rebuild();
    }

    /** A safety net under the content events: an event this instance missed is picked up within this period. */
    @Scheduled(fixedDelayString = "${mhc.content.search.refresh-every:10m}", initialDelayString = "${mhc.content.search.refresh-every:10m}")
    void refresh() {
        rebuild();
    }

    /** Rebuilds the whole index from the published items and swaps it in; returns how many items it holds. */
    synchronized int rebuild() {
        long started = System.nanoTime();
        Live next = Live.create(analyzer);
        int count = 0;
        try {
            var published = org.springframework.data.mongodb.core.query.Query.query(
                    Criteria.where("status").is(ContentItemDocument.ContentStatus.PUBLISHED));
            for (ContentItemDocument item : mongo.find(published, ContentItemDocument.class)) {
                next.writer().addDocument(document(item));
                next.listings().put(item.slug(), Listing.of(item));
                count++;
            }
            next.writer().commit();
            next.searchers().maybeRefreshBlocking();
        }
        catch (IOException ex) {
            next.close();
            throw new UncheckedIOException("The library index could not be built", ex);
        }
        Live previous = live;
        live = next;
        forgetAnswers();
        previous.close(); // Searches still running on it keep their reader until they release it.
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (count != indexed) {
            log.info("Library index rebuilt: {} items in {} ms", count, millis);
        }
        else {
            log.debug("Library index rebuilt: {} items in {} ms", count, millis);
        }
        indexed = count;
        return count;
    }

    /**
     * Brings one item up to date from MongoDB: indexed when it is published, removed otherwise. Called for every
     * content event, on every instance, so they all converge within moments of a change.
     */
    public synchronized void refresh(String slug) {
        ContentItemDocument item = mongo.findById(slug, ContentItemDocument.class);
        Live current = live;
        try {
            if (item != null && item.status() == ContentItemDocument.ContentStatus.PUBLISHED) {
                current.listings().put(slug, Listing.of(item));
                current.writer().updateDocument(new Term("slug", slug), document(item));
            }
            else {
                current.writer().deleteDocuments(new Term("slug", slug));
                current.listings().remove(slug);
            }
            current.searchers().maybeRefreshBlocking();
            forgetAnswers();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The library index could not be updated", ex);
        }
    }

    /**
     * Recent answers, as Solr's query result cache keeps them: the same search (words, filters and page) gets the same
     * answer until the index changes, which empties the cache. {@code mhc.content.search.cache-size} (0 turns it off).
     */
    private final com.github.benmanes.caffeine.cache.Cache<Search, Results> answers;

    Results search(Search search) {
        if (answers == null) {
            return searchIndex(search);
        }
        return answers.get(search, this::searchIndex);
    }

    private Results searchIndex(Search search) {
        Live current = live;
        SearcherManager searchers = current.searchers();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        }
        catch (IOException | org.apache.lucene.store.AlreadyClosedException ex) {
            current = live; // swapped by a rebuild in between: take the new one
            searchers = current.searchers();
            try {
                searcher = searchers.acquire();
            }
            catch (IOException again) {
                throw new UncheckedIOException("The library index could not be searched", again);
            }
        }
        try {
            return search(search, searcher, current.listings());
        }
        finally {
            try {
                searchers.release(searcher);
            }
            catch (IOException ex) {
                log.debug("Releasing a library searcher failed: {}", ex.getMessage());
            }
        }
    }

    private Results search(Search search, IndexSearcher searcher, Map<String, Listing> listings) {
        List<SearchWords.Word> words = searchWords.words(search.text(), 12);
        if (words.isEmpty()) {
            return new Results(List.of(), search.page(), search.size(), 0, null);
        }
        StringBuilder suggestion = new StringBuilder(search.text());
        boolean corrected = false;
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        // Snippets come from the body alone, so the highlighter gets only the body's words: it then reads their
        // offsets straight from the postings instead of re-running the whole query against every hit.
        BooleanQuery.Builder inBody = new BooleanQuery.Builder();
        // From the last word back, so that a correction does not move the places of the words before it.
        for (SearchWords.Word word : words.reversed()) {
            List<String> known = word.stems().stream().filter(stem -> known(searcher, stem)).toList();
            List<String> alternatives = known;
            float weight = 1f;
            // A word people search with (a word of the synonyms file) is no typo, even when the library never uses it.
            if (known.isEmpty() && !searchWords.vocabulary().contains(word.typed())) {
                // Probably a typo: the closest words as written, and the closest stems, at a lower weight.
                String spelt = meant(searcher, word.typed());
                List<String> closest = new ArrayList<>(corrections(searcher, word.stems().getFirst()));
                if (spelt != null) {
                    suggestion.replace(word.start(), word.end(), spelt);
                    corrected = true;
                    // The corrected word with its synonyms, as if it had been typed so.
                    List<SearchWords.Word> correction = searchWords.words(spelt, 1);
                    List<String> stems = correction.isEmpty() ? List.of() : correction.getFirst().stems();
                    stems.reversed().stream().filter(stem -> known(searcher, stem) && !closest.contains(stem))
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
        Query built = query.build();
        try {
            int wanted = (search.page() + 1) * search.size();
            TopDocs top = searcher.search(built, wanted);
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, search.page() * search.size()),
                    Math.min(top.scoreDocs.length, wanted));
            String[] slugs = new String[page.length];
            for (int i = 0; i < page.length; i++) {
                slugs[i] = slugOf(searcher, page[i].doc);
            }
            String[] snippets = page.length == 0 ? new String[0]
                    : highlighter(searcher, listings).highlight("body", inBody.build(), new TopDocs(top.totalHits, page), 1);
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                Listing listing = listings.get(slugs[i]);
                if (listing == null) {
                    continue; // withdrawn between the search and this moment: rightly not shown
                }
                hits.add(new Hit(listing.slug(), listing.type(), listing.title(), listing.summary(), listing.topics(),
                        listing.minutes(), snippets[i], page[i].score));
            }
            return new Results(hits, search.page(), search.size(), top.totalHits.value(), didYouMean);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The library index could not be searched", ex);
        }
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
            for (String field : FIELDS) {
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

    private static boolean known(IndexSearcher searcher, String word) {
        try {
            return searcher.getIndexReader().docFreq(new Term(WORDS, word)) > 0;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The library's closest words to one it does not contain; none for words of three letters or fewer. */
    private static List<String> corrections(IndexSearcher searcher, String word) {
        if (word.length() <= 3) {
            return List.of();
        }
        DirectSpellChecker speller = word.length() == 4 ? ONE_EDIT : TWO_EDITS;
        try {
            return Arrays.stream(speller.suggestSimilar(new Term(WORDS, word), 5, searcher.getIndexReader(),
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
    private String meant(IndexSearcher searcher, String typed) {
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

    /** Every word of the title, summary and body, once per item: what typos are corrected towards. */
    private static final String WORDS = "words";

    private static final List<String> FIELDS = List.of("title", "summary", "body");

    /** The slug of a document of the searcher's reader, from its doc values (no stored field is read). */
    private static String slugOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues slugs = DocValues.getSorted(leaf.reader(), "slug");
        return slugs.advanceExact(doc - leaf.docBase) ? slugs.lookupOrd(slugs.ordValue()).utf8ToString() : null;
    }

    /**
     * What a hit shows, and the body its snippet is cut from. It is kept beside the index, one map per index, instead
     * of in Lucene's stored fields: reading those means decompressing a block per hit, which cost more than the search
     * itself. The words are in the index; the text is here.
     */
    record Listing(String slug, String type, String title, String summary, List<String> topics, int minutes,
            String body) {

        static Listing of(ContentItemDocument item) {
            return new Listing(item.slug(), item.type().name().toLowerCase(Locale.ROOT), item.title(),
                    item.summary() == null ? "" : item.summary(), item.topics() == null ? List.of() : List.copyOf(item.topics()),
                    item.minutes(), item.body() == null ? "" : item.body());
        }
    }

    /**
     * The body's postings keep each word's offsets, so the highlighter finds the matches from the index instead of
     * analysing every hit's body again; the text itself comes from the {@link Listing}.
     */
    private static final FieldType BODY = bodyType();

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static final FieldType WORDS_TYPE = wordsType();

    private static FieldType wordsType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    private static Document document(ContentItemDocument item) {
        Document doc = new Document();
        doc.add(new StringField("slug", item.slug(), Field.Store.NO));
        doc.add(new SortedDocValuesField("slug", new BytesRef(item.slug())));
        doc.add(new StringField("type", item.type().name(), Field.Store.NO));
        doc.add(new TextField("title", item.title(), Field.Store.NO));
        doc.add(new TextField("summary", item.summary() == null ? "" : item.summary(), Field.Store.NO));
        doc.add(new Field("body", item.body() == null ? "" : item.body(), BODY));
        doc.add(new Field(WORDS, item.title(), WORDS_TYPE));
        doc.add(new Field(WORDS, item.summary() == null ? "" : item.summary(), WORDS_TYPE));
        doc.add(new Field(WORDS, item.body() == null ? "" : item.body(), WORDS_TYPE));
        doc.add(new Field(SearchWords.SPELLING, item.title(), WORDS_TYPE));
        doc.add(new Field(SearchWords.SPELLING, item.summary() == null ? "" : item.summary(), WORDS_TYPE));
        doc.add(new Field(SearchWords.SPELLING, item.body() == null ? "" : item.body(), WORDS_TYPE));
        for (String topic : item.topics() == null ? List.<String>of() : item.topics()) {
            doc.add(new StringField("topic", topic, Field.Store.NO));
        }
        for (String habit : item.habits() == null ? List.<String>of() : item.habits()) {
            doc.add(new StringField("habit", habit, Field.Store.NO));
        }
        doc.add(new IntPoint("minutes", item.minutes()));
        return doc;
    }

    private static final SnippetScorer SNIPPET_SCORER = new SnippetScorer();

    /** Lucene's UnifiedHighlighter, reading the bodies from the listings instead of from stored fields. */
    private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<String, Listing> listings) {
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
                    Listing listing = listings.get(slugOf(searcher, doc));
                    CharSequence[] texts = new CharSequence[fields.length];
                    Arrays.fill(texts, listing == null ? "" : listing.body());
                    values.add(texts);
                }
                return values;
            }
        };
    }

    /**
     * One in-memory index: the writer that single-item updates go through, and the searchers over it. A rebuild
     * makes a new one and swaps it in whole, so a search never sees a half-built index.
     */
    private record Live(IndexWriter writer, SearcherManager searchers, Map<String, Listing> listings) {

        static Live create(Analyzer analyzer) {
            try {
                Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
                writer.commit();
                return new Live(writer, new SearcherManager(writer, null), new ConcurrentHashMap<>());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        void close() {
            try {
                searchers.close();
                writer.close();
            }
            catch (IOException ex) {
                // An in-memory index: nothing to lose.
            }
        }
    }
}
