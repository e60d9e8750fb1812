package org.mhconnect.journal.support.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped classifier is exactly what the training data in the repository builds: same data (by checksum), same
 * weights (training is deterministic). After changing the training data, rebuild it with
 * {@code bench/crisis-detection.sh train}, which runs this test with {@code -Dmhc.crisis.train=true}.
 */
class CrisisClassifierTrainingTest {

    private static final Path SHIPPED = Path.of("src/main/resources", CrisisClassifier.RESOURCE);

    private static SentenceEmbeddings embeddings;

    @BeforeAll
    static void loadModel() {
        embeddings = SentenceEmbeddings.load();
    }

    @AfterAll
    static void closeModel() {
        embeddings.close();
    }

    @Test
    void theShippedClassifierWasBuiltFromTheCurrentTrainingData() throws IOException {
        String trained = new CrisisClassifierTraining(embeddings).train();
        if (Boolean.getBoolean("mhc.crisis.train")) {
            Files.writeString(SHIPPED, trained, StandardCharsets.UTF_8);
        }

        CrisisClassifier shipped = CrisisClassifier.parse(Files.readAllBytes(SHIPPED));
        assertThat(shipped.trainingDataSha256())
                .as("the training data changed: rebuild the classifier with bench/crisis-detection.sh train")
                .isEqualTo(LabelledCorpus.sha256(LabelledCorpus.TRAINING));
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8))
                .as("training the same data again gives the same classifier, weight for weight")
                .isEqualTo(trained);
        assertThat(shipped.categories()).extracting(CrisisClassifier.Category::name)
                .containsExactlyElementsOf(LabelledCorpus.CATEGORIES);
    }

    /**
     * Not a check: with {@code -Dmhc.crisis.cv=true} ({@code bench/crisis-detection.sh cv}) prints the cross-validated
     * figures of the detector's policies on the training data, from which {@link CrisisDetector.Policy#SHIPPED} is
     * chosen.
     */
    @Test
    void crossValidationOnTheTrainingDataWhenAsked() {
        Assumptions.assumeTrue(Boolean.getBoolean("mhc.crisis.cv"), "run with -Dmhc.crisis.cv=true");
        try (CrisisDetector detector = CrisisDetector.load()) {
            new CrisisCrossValidation(detector, embeddings).grid(detector.classifier()).forEach(System.out::println);
        }
    }
}
