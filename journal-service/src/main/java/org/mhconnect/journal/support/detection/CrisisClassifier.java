package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic stage's decision: one logistic regression per category over a sentence's embedding, trained from the
 * labelled sentences in the repository ({@code CrisisModelTraining}) and kept in {@code crisis/classifier.json} with
 * its version, the embedding model it was trained on, and the SHA-256 of its training data. Each category's weights
 * say which directions of meaning raise its probability; its threshold was chosen on held-out folds of the training
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
     */
    public record Category(String name, double threshold, double bias, double[] weights) {

        /** The probability that a sentence with this embedding belongs to the category. */
        public double probability(float[] embedding) {
            return 1 / (1 + Math.exp(-(bias + Vectors.dot(weights, embedding))));
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
            double[] weights = new double[category.get("weights").size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = category.get("weights").get(i).asDouble();
            }
            if (weights.length != SentenceEmbeddings.DIMENSIONS) {
                throw new IllegalStateException(RESOURCE + ": " + weights.length + " weights for "
                        + category.get("name").asString());
            }
            categories.add(new Category(category.get("name").asString(), category.get("threshold").asDouble(),
                    category.get("bias").asDouble(), weights));
        }
        CrisisClassifier classifier = new CrisisClassifier(json.get("version").asString(),
                json.get("embeddingModel").asString(), json.get("trainingDataSha256").asString(),
                List.copyOf(categories));
        if (!classifier.embeddingModel().equals(SentenceEmbeddings.MODEL)) {
            throw new IllegalStateException(RESOURCE + " was trained on " + classifier.embeddingModel());
        }
        return classifier;
    }
}
