package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic stage's decision: one logistic regression per category over a sentence's embedding and its words
 * ({@link WordFeatures}), trained from the
 * labelled sentences in the repository ({@code CrisisModelTraining}) and kept in {@code crisis/classifier.json} with
 * its version, the embedding model it was trained on, and the SHA-256 of its training data. Each category's weights
 * say which directions of meaning raise its probability, and its word weights which words (or pairs of words) raise or
 * lower it; its threshold was chosen on held-out folds of the training
 * data, never on the evaluation set.
 *
 * @param version             changes whenever the training data or the method changes
 * @param embeddingModel      the model whose vectors the weights expect
 * @param trainingDataSha256  the training data it was built from
 * @param categories          one per kind of language
 */
public record CrisisClassifier(String version, String embeddingModel, String trainingDataSha256,
        List<Category> categories) {

    public static final String RESOURCE = "crisis/classifier.json";

    /**
     * @param name      {@code suicidal}, {@code self_harm}, {@code abuse} or {@code hopeless}
     * @param threshold the probability from which a sentence counts
     * @param bias      the intercept
     * @param weights   one per embedding dimension
     * @param wordWeights one per {@link WordFeatures} bucket
     */
    public record Category(String name, double threshold, double bias, double[] weights, double[] wordWeights) {

        /** The probability that a piece with this embedding and these words belongs to the category. */
        double probability(float[] embedding, WordFeatures.Words words) {
            return 1 / (1 + Math.exp(-(bias + Vectors.dot(weights, embedding) + words.dot(wordWeights))));
        }
    }

    /** Reads the classifier that ships with the service, checking that it fits the embedding model. */
    public static CrisisClassifier load() {
        return parse(DataFiles.bytes(RESOURCE));
    }

    static CrisisClassifier parse(byte[] file) {
        JsonNode json = JsonMapper.shared().readTree(file);
        List<Category> categories = new ArrayList<>();
        for (JsonNode category : json.get("categories")) {
            double[] weights = numbers(category.get("weights"), SentenceEmbeddings.DIMENSIONS);
            double[] wordWeights = numbers(category.get("wordWeights"), WordFeatures.BUCKETS);
            categories.add(new Category(category.get("name").asString(), category.get("threshold").asDouble(),
                    category.get("bias").asDouble(), weights, wordWeights));
        }
        CrisisClassifier classifier = new CrisisClassifier(json.get("version").asString(),
                json.get("embeddingModel").asString(), json.get("trainingDataSha256").asString(),
                List.copyOf(categories));
        if (!classifier.embeddingModel().equals(SentenceEmbeddings.MODEL)) {
            throw new IllegalStateException(RESOURCE + " was trained on " + classifier.embeddingModel());
        }
        JsonNode words = json.get("wordFeatures");
        if (words == null || words.get("bits").asInt() != WordFeatures.BITS
                || words.get("scale").asDouble() != WordFeatures.SCALE) {
            throw new IllegalStateException(RESOURCE + " was trained on other word features: " + words);
        }
        return classifier;
    }

    private static double[] numbers(JsonNode array, int expected) {
        if (array == null || array.size() != expected) {
            throw new IllegalStateException(RESOURCE + ": " + (array == null ? 0 : array.size()) + " weights where "
                    + expected + " were expected");
        }
        double[] numbers = new double[expected];
        for (int i = 0; i < expected; i++) {
            numbers[i] = array.get(i).asDouble();
        }
        return numbers;
    }
}
