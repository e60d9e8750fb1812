package org.mhconnect.content.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.mhconnect.content.ContentProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
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
public class LibraryIndex implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(LibraryIndex.class);

    private final MongoTemplate mongo;
    private final java.time.Duration refreshEvery;
    private final SearchWords searchWords = new SearchWords();
    private final Analyzer analyzer = searchWords.indexing();
    private final LibrarySpelling spelling = new LibrarySpelling(searchWords);
    private volatile Live live;
    private int indexed = -1;

    LibraryIndex(MongoTemplate mongo, ContentProperties properties) {
        this.mongo = mongo;
        this.refreshEvery = properties.search().refreshEvery();
        int cacheSize = properties.search().cacheSize();
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
    void refresh() {
        rebuild();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::refresh, refreshEvery, refreshEvery));
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
                next.writer().addDocument(LibraryDocuments.document(item));
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
                current.writer().updateDocument(new Term("slug", slug), LibraryDocuments.document(item));
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
        LibraryQuery library = LibraryQuery.of(search, searcher, searchWords, spelling);
        if (library == null) {
            return new Results(List.of(), search.page(), search.size(), 0, null);
        }
        Query built = library.query();
        String didYouMean = library.didYouMean();
        try {
            int wanted = (search.page() + 1) * search.size();
            TopDocs top = searcher.search(built, wanted);
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, search.page() * search.size()),
                    Math.min(top.scoreDocs.length, wanted));
            String[] slugs = new String[page.length];
            for (int i = 0; i < page.length; i++) {
                slugs[i] = LibraryDocuments.slugOf(searcher, page[i].doc);
            }
            String[] snippets = page.length == 0 ? new String[0]
                    : Snippets.highlighter(searcher, analyzer, listings).highlight("body", library.inBody(), new TopDocs(top.totalHits, page), 1);
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
