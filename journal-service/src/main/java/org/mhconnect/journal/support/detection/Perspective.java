package org.mhconnect.journal.support.detection;

import java.util.Set;

/**
 * Who a piece of text is about, from its pronouns: the writer ("I", "me", "my", "myself", "im", "ive"…), someone
 * else ("he", "she", "himself"…), or both. The sentence model reads what a sentence means, not whose
 * it is: "my brother wants to die" lies close to "I want to die". So a reading of the semantic stage may be kept to
 * full support only when it may be about the writer ({@link Gate}); a report about someone else then brings at most
 * the gentle suggestion, unless the rules fire. {@link CrisisDetector.Policy#SHIPPED} says which gate is in use. English only: elsewhere the semantic stage brings the gentle suggestion anyway.
 *
 * @param writerActs  the writer is a subject: "I", "I'm", "I've", "myself"…
 * @param writerNamed the writer appears at all, also as object or owner: "me", "my"
 * @param others      someone else appears as "he", "she", "they", "her", "his", "himself"…
 */
record Perspective(boolean writerActs, boolean writerNamed, boolean others) {

    private static final Set<String> WRITER_ACTS = Set.of("i", "im", "i'm", "ive", "i've", "id", "i'd", "i'll",
            "myself", "meself", "myslef");
    private static final Set<String> WRITER_OTHERWISE = Set.of("me", "my", "mine", "mines");
    /**
     * Someone else as the one who acts. Not "his", "her" or "they": "to hear his voice one last time", "scratched my
     * wrists until they bled" are the writer's own.
     */
    private static final Set<String> OTHERS = Set.of("he", "she", "he's", "she's", "hes", "shes", "he'd", "she'd",
            "he'll", "she'll", "himself", "herself", "themselves", "themself");

    /**
     * When a semantic reading may bring full support.
     * <ul>
     * <li>{@code ALWAYS}: whoever the text is about (the detector before the gate).</li>
     * <li>{@code WRITER_NAMED}: only when the writer appears.</li>
     * <li>{@code NOT_ONLY_OTHERS}: unless the text names someone else and not the writer; a text without pronouns
     * ("Cut again tonight.") is the writer's, as journals drop the "I".</li>
     * <li>{@code BY_CATEGORY}: suicidal thoughts and self-harm are the writer's own acts, so when someone else is named
     * the writer must be a subject ("my friend told me she wants to die" is not); abuse is done to the writer, so
     * "me" or "my" is enough ("he hits me").</li>
     * </ul>
     * Chosen by cross-validation on the training data ({@code CrisisCrossValidation}).
     */
    enum Gate {
        ALWAYS, WRITER_NAMED, NOT_ONLY_OTHERS, BY_CATEGORY;

        boolean allows(Perspective perspective, String category) {
            return switch (this) {
                case ALWAYS -> true;
                case WRITER_NAMED -> perspective.writerNamed();
                case NOT_ONLY_OTHERS -> perspective.writerNamed() || !perspective.others();
                case BY_CATEGORY -> !perspective.others() || perspective.writerActs()
                        || category.equals("abuse") && perspective.writerNamed();
            };
        }
    }

    static final Perspective NOBODY = new Perspective(false, false, false);

    static Perspective of(String text) {
        boolean acts = false;
        boolean named = false;
        boolean others = false;
        for (String word : Normalizer.words(Normalizer.plain(text))) {
            acts |= WRITER_ACTS.contains(word);
            named |= WRITER_ACTS.contains(word) || WRITER_OTHERWISE.contains(word);
            others |= OTHERS.contains(word);
        }
        return new Perspective(acts, named, others);
    }

    /** What two neighbouring pieces read together are about. */
    Perspective and(Perspective other) {
        return new Perspective(writerActs || other.writerActs, writerNamed || other.writerNamed,
                others || other.others);
    }
}
