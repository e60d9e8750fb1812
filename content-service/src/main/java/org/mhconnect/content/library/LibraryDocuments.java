package org.mhconnect.content.library;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * What the library index holds of an item: its slug (as a term and as doc values), type, topics, habits and minutes
 * for the filters, the title, summary and body for relevance, and every word of them once more in {@code words}
 * and {@code spelling} for typos. No text is stored: a hit's text comes from its {@link Listing}.
 */
final class LibraryDocuments {

    private LibraryDocuments() {
    }

    /** Every word of the title, summary and body, once per item: what typos are corrected towards. */
    static final String WORDS = "words";

    static final List<String> FIELDS = List.of("title", "summary", "body");

    /** The slug of a document of the searcher's reader, from its doc values (no stored field is read). */
    static String slugOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues slugs = DocValues.getSorted(leaf.reader(), "slug");
        return slugs.advanceExact(doc - leaf.docBase) ? slugs.lookupOrd(slugs.ordValue()).utf8ToString() : null;
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

    static Document document(ContentItemDocument item) {
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
}
