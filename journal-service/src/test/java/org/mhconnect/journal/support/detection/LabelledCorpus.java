package org.mhconnect.journal.support.detection;

import java.util.List;

/**
 * The labelled crisis-language sentences kept in the repository ({@code crisis/training.tsv} and the frozen
 * {@code crisis/evaluation.tsv}): {@code label<TAB>kind<TAB>explicit<TAB>language<TAB>sentence}.
 */
final class LabelledCorpus {

    static final String TRAINING = "crisis/training.tsv";
    static final String EVALUATION = "crisis/evaluation.tsv";

    /** The labels: the three crisis categories, the softer hopeless one, and none. */
    static final List<String> CATEGORIES = List.of("suicidal", "self_harm", "abuse", "hopeless");
    static final String NONE = "none";

    private LabelledCorpus() {
    }

    static List<Example> read(String resource) {
        return DataFiles.rows(resource, 5).stream()
                .map(row -> new Example(row.get(0), row.get(1), row.get(2).equals("yes"), row.get(3), row.get(4)))
                .toList();
    }

    static String sha256(String resource) {
        return DataFiles.sha256(DataFiles.bytes(resource));
    }

    /**
     * One labelled sentence.
     *
     * @param label    a category or none
     * @param kind     what sort of sentence it is: a C-SSRS level, a self-harm method, a sign of abuse, an idiom…
     * @param explicit whether it states intent, a plan or the act in plain words
     * @param language ISO 639-1
     */
    record Example(String label, String kind, boolean explicit, String language, String text) {

        boolean crisis() {
            return !label.equals(NONE) && !label.equals("hopeless");
        }
    }
}
