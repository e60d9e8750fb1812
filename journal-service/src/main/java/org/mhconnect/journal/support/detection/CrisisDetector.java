package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a journal entry for language suggesting that the writer may be in crisis: thoughts of suicide, self-harm,
 * or abuse by someone close; and, more softly, hopelessness. It is a safety net, not a diagnosis: it only decides
 * whether to offer support, and an empty answer never means that someone is safe.
 *
 * <p>Two stages, and a signal from either counts:
 * <ol>
 * <li><b>Rules</b> for explicit phrases: English ({@link EnglishCrisisRules}, with negation, idioms and topics) and
 * German, Spanish and French ({@link PhraseRules}, from data files). They run on every entry, whatever its
 * language, because people mix languages.</li>
 * <li><b>Meaning</b>, for the covered languages: every sentence (and the clauses of a long one; in a long entry, those that pass the
 * {@link RiskGate}) is embedded by
 * a small sentence model ({@link SentenceEmbeddings}) and scored by an explainable classifier
 * ({@link CrisisClassifier}). Neighbouring sentences are also read together ("I'm not okay. I don't see a way
 * out.").</li>
 * </ol>
 *
 * <p>The detector never logs, stores or sends the text it reads, nor what it found; it holds no state per entry, so
 * one instance serves every thread. It never throws on any input: a failure reads as "nothing found", so that the
 * entry is always saved.
 */
public final class CrisisDetector implements AutoCloseable {

    private static final Map<String, CrisisSignal> SIGNAL_OF_CATEGORY = Map.of(
            "suicidal", CrisisSignal.SUICIDAL_THOUGHTS, "self_harm", CrisisSignal.SELF_HARM,
            "abuse", CrisisSignal.ABUSE);

    /**
     * Entries of up to this many sentences and clauses are read whole by the semantic stage; longer ones only where
     * the {@link RiskGate} finds a word crisis language is made of, so that a long entry stays fast.
     */
    static final int READ_WHOLE_UP_TO = 12;

    /**
     * How sure the classifier must be to bring full support on its own, and with a risk word in the sentence. Chosen
     * on held-out folds of the training data (docs/crisis-detection.md), where ordinary sentences rarely reach them;
     * below them, a category's own threshold brings the gentle suggestion.
     */
    static final double SURE = 0.9;
    static final double FAIRLY_SURE = 0.5;

    private final EnglishCrisisRules english = new EnglishCrisisRules();
    private final Map<Language, PhraseRules> otherLanguages = new EnumMap<>(Language.class);
    private final LanguageGuess languages;
    private final RiskGate gate;
    private final SentenceEmbeddings embeddings;
    private final CrisisClassifier classifier;

    private CrisisDetector(SentenceEmbeddings embeddings, CrisisClassifier classifier) {
        for (Language language : List.of(Language.GERMAN, Language.SPANISH, Language.FRENCH)) {
            otherLanguages.put(language, PhraseRules.load(language));
        }
        this.languages = LanguageGuess.load();
        this.gate = RiskGate.load();
        this.embeddings = embeddings;
        this.classifier = classifier;
    }

    /** Loads the data files, the sentence model and the classifier; about two seconds, once per process. */
    public static CrisisDetector load() {
        return new CrisisDetector(SentenceEmbeddings.load(), CrisisClassifier.load());
    }

    /** What the texts of one entry (title, body, inner critic…) say together; null or blank texts are skipped. */
    public CrisisAssessment assess(String... texts) {
        try {
            StringBuilder all = new StringBuilder();
            Set<CrisisSignal> signals = EnumSet.noneOf(CrisisSignal.class);
            List<String> pieces = new ArrayList<>();
            for (String text : texts) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                all.append(text).append('\n');
                signals.addAll(english.detect(text));
                for (String sentence : Sentences.of(text)) {
                    otherLanguages.values().forEach(rules -> signals.addAll(rules.detect(sentence)));
                    pieces.addAll(Sentences.pieces(sentence));
                }
            }
            if (all.isEmpty()) {
                return CrisisAssessment.NOTHING;
            }
            Language language = languages.of(all.toString());
            // The sentence model was trained on English, German, Spanish and French sentences; in another language
            // its reading means little, and the gentle suggestion stands in for it.
            if (!language.covered()) {
                return new CrisisAssessment(Set.copyOf(signals), false, language);
            }
            Set<CrisisSignal> meant = EnumSet.noneOf(CrisisSignal.class);
            boolean hopeless = readMeaning(pieces, meant);
            if (language == Language.ENGLISH) {
                signals.addAll(meant);
                return new CrisisAssessment(Set.copyOf(signals), hopeless, language);
            }
            // Outside English the sentence model is far less sure (see docs/crisis-detection.md): what only it saw
            // brings the gentle suggestion; the full support comes from the language's explicit phrases.
            return new CrisisAssessment(Set.copyOf(signals), hopeless || !meant.isEmpty(), language);
        }
        catch (RuntimeException | StackOverflowError unexpected) {
            // A safety net must not break the journal; the text is deliberately not logged.
            return CrisisAssessment.NOTHING;
        }
    }

    /**
     * Adds what the semantic stage is sure of to the signals; answers whether it read something softer (hopeless
     * words, or a crisis category below full confidence), which brings the gentle suggestion.
     */
    private boolean readMeaning(List<String> pieces, Set<CrisisSignal> signals) {
        List<Integer> positions = new ArrayList<>();
        List<Boolean> riskWords = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            boolean risky = gate.worthReading(pieces.get(i));
            if ((pieces.size() <= READ_WHOLE_UP_TO || risky) && !english.onlyDenies(pieces.get(i))) {
                positions.add(i);
                riskWords.add(risky);
                read.add(pieces.get(i));
            }
        }
        float[][] vectors = embeddings.embed(read);
        boolean gentle = false;
        for (int r = 0; r < vectors.length; r++) {
            gentle |= score(vectors[r], riskWords.get(r), signals);
            boolean neighbourRead = r + 1 < vectors.length && positions.get(r + 1) == positions.get(r) + 1;
            if (neighbourRead) {
                gentle |= score(Vectors.between(vectors[r], vectors[r + 1]), riskWords.get(r) || riskWords.get(r + 1),
                        signals);
            }
        }
        return gentle;
    }

    /**
     * Full support when the classifier is very sure ({@link #SURE}), or fairly sure ({@link #FAIRLY_SURE}) of a
     * sentence with a word crisis language is made of; the gentle suggestion when a sentence with such a word
     * reaches the category's own threshold. Without the words, "The light on the water was lovely" would bring
     * support for the water.
     */
    private boolean score(float[] vector, boolean riskWords, Set<CrisisSignal> signals) {
        boolean gentle = false;
        for (CrisisClassifier.Category category : classifier.categories()) {
            double probability = category.probability(vector);
            CrisisSignal signal = SIGNAL_OF_CATEGORY.get(category.name());
            if (signal != null && (probability >= SURE || riskWords && probability >= FAIRLY_SURE)) {
                signals.add(signal);
            }
            else if (riskWords && probability >= category.threshold()) {
                gentle = true;
            }
        }
        return gentle;
    }

    /** The classifier in use, for the evaluation report. */
    public CrisisClassifier classifier() {
        return classifier;
    }

    @Override
    public void close() {
        embeddings.close();
    }
}
