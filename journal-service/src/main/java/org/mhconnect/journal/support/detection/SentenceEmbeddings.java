package org.mhconnect.journal.support.detection;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised), which ships inside a Maven artifact and runs in-process on
 * ONNX Runtime: nothing is downloaded and no text leaves the process. Each sentence becomes a unit vector of 384
 * numbers; sentences that mean similar things lie close together, whatever their exact words.
 */
public final class SentenceEmbeddings implements AutoCloseable {

    /** Names the model in the classifier file, so that a classifier is never used with another model. */
    public static final String MODEL = "all-MiniLM-L6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

    public static final int DIMENSIONS = 384;

    private final ExecutorService threads;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    private SentenceEmbeddings(ExecutorService threads) {
        this.threads = threads;
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(threads);
    }

    /** Loads the model (about a second) and warms it up, so the first entry does not pay for it. */
    public static SentenceEmbeddings load() {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().name("crisis-embedding-", 0).daemon().factory());
        SentenceEmbeddings embeddings = new SentenceEmbeddings(threads);
        embeddings.embed(List.of("warming up", "a second sentence"));
        return embeddings;
    }

    /** One unit vector per sentence, in order; the sentences are spread over the available cores. */
    public float[][] embed(List<String> sentences) {
        if (sentences.isEmpty()) {
            return new float[0][];
        }
        List<Embedding> embeddings = sentences.size() == 1
                ? List.of(model.embed(sentences.getFirst()).content())
                : model.embedAll(sentences.stream().map(TextSegment::from).toList()).content();
        float[][] vectors = new float[embeddings.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Vectors.unit(embeddings.get(i).vector());
        }
        return vectors;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
