package org.mhconnect.content.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
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
 * <li>English stemming ({@link EnglishAnalyzer}): "breathing" finds "breathe".</li>
 * <li>Typo tolerance: a word the library does not contain matches within one edit (two from five letters on) at a
 * lower weight.</li>
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
    private final Analyzer analyzer = new EnglishAnalyzer();
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

    record Results(List<Hit> items, int page, int size, long total) {
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
                current.writer().updateDocument(new Term("slug", slug), document(item));
            }
            else {
                current.writer().deleteDocuments(new Term("slug", slug));
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
        SearcherManager searchers = live.searchers();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        }
        catch (IOException | org.apache.lucene.store.AlreadyClosedException ex) {
            searchers = live.searchers(); // swapped by a rebuild in between: take the new one
            try {
                searcher = searchers.acquire();
            }
            catch (IOException again) {
                throw new UncheckedIOException("The library index could not be searched", again);
            }
        }
        try {
            return search(search, searcher);
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

    private Results search(Search search, IndexSearcher searcher) {
        List<String> words = analyze(search.text());
        if (words.isEmpty()) {
            return new Results(List.of(), search.page(), search.size(), 0);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(wordQuery(word, known(searcher, word)), Occur.MUST);
        }
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
            String[] snippets = page.length == 0 ? new String[0]
                    : highlighter(searcher).highlight("body", built, new TopDocs(top.totalHits, page), 1);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                Document doc = stored.document(page[i].doc);
                hits.add(new Hit(doc.get("slug"), doc.get("type").toLowerCase(Locale.ROOT), doc.get("title"),
                        doc.get("summary"), Arrays.asList(doc.getValues("topicStored")),
                        doc.getField("minutesStored").numericValue().intValue(), snippets[i], page[i].score));
            }
            return new Results(hits, search.page(), search.size(), top.totalHits.value());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The library index could not be searched", ex);
        }
    }

    /**
     * A word matches exactly, with its stem, in any of the three fields. A word the library does not contain is
     * probably a typo: it matches within one edit (two from five letters on), at a lower weight. Known words skip
     * the fuzzy expansion, which is by far the most expensive part of a search.
     */
    private static Query wordQuery(String word, boolean known) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int edits = known || word.length() <= 3 ? 0 : word.length() == 4 ? 1 : 2;
        for (String field : FIELDS) {
            float weight = switch (field) {
                case "title" -> 3f;
                case "summary" -> 2f;
                default -> 1f;
            };
            any.add(new BoostQuery(new TermQuery(new Term(field, word)), weight), Occur.SHOULD);
            if (edits > 0) {
                any.add(new BoostQuery(new FuzzyQuery(new Term(field, word), edits, 1), weight * 0.4f), Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static boolean known(IndexSearcher searcher, String word) {
        try {
            for (String field : FIELDS) {
                if (searcher.getIndexReader().docFreq(new Term(field, word)) > 0) {
                    return true;
                }
            }
            return false;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static final List<String> FIELDS = List.of("title", "summary", "body");

    private List<String> analyze(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < 12) {
                words.add(term.toString());
            }
            tokens.end();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return words;
    }

    /**
     * The body is stored for snippets, and its postings keep each word's offsets, so the highlighter finds the
     * matches from the index instead of analysing every hit's body again.
     */
    private static final FieldType BODY = bodyType();

    private static FieldType bodyType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Document document(ContentItemDocument item) {
        Document doc = new Document();
        doc.add(new StringField("slug", item.slug(), Field.Store.YES));
        doc.add(new StringField("type", item.type().name(), Field.Store.YES));
        doc.add(new TextField("title", item.title(), Field.Store.YES));
        doc.add(new TextField("summary", item.summary() == null ? "" : item.summary(), Field.Store.YES));
        doc.add(new Field("body", item.body() == null ? "" : item.body(), BODY));
        for (String topic : item.topics() == null ? List.<String>of() : item.topics()) {
            doc.add(new StringField("topic", topic, Field.Store.NO));
            doc.add(new StoredField("topicStored", topic));
        }
        for (String habit : item.habits() == null ? List.<String>of() : item.habits()) {
            doc.add(new StringField("habit", habit, Field.Store.NO));
        }
        doc.add(new IntPoint("minutes", item.minutes()));
        doc.add(new StoredField("minutesStored", item.minutes()));
        return doc;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withMaxLength(100_000)
                .build();
    }

    /**
     * One in-memory index: the writer that single-item updates go through, and the searchers over it. A rebuild
     * makes a new one and swaps it in whole, so a search never sees a half-built index.
     */
    private record Live(IndexWriter writer, SearcherManager searchers) {

        static Live create(Analyzer analyzer) {
            try {
                Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
                writer.commit();
                return new Live(writer, new SearcherManager(writer, null));
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
