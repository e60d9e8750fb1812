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
 * <li><b>Rules</b> for explicit phrases: English ({@link EnglishCrisisRules}, with negation, idioms and topics, and
 * {@link PhraseRules} from {@code crisis/rules/en.tsv} for preparatory acts and indirectly told harm) and German,
 * Spanish and French ({@link PhraseRules}, from data files). They run on every entry, whatever its
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
     * How the semantic stage decides, chosen by cross-validation on the training data ({@code CrisisCrossValidation},
     * docs/crisis-detection.md), never on the evaluation set: full support when the classifier is at least {@code sure}
     * of a piece, or {@code fairlySure} of a piece with a word crisis language is made of, and the piece may be about
     * the writer ({@code writerGate}); otherwise the gentle suggestion when a piece with such a word reaches the
     * category's own threshold. The writer gate ships switched off ({@code ALWAYS}): on the training folds
     * {@code BY_CATEGORY} changed little (docs/benchmarks.md).
     */
    record Policy(double sure, double fairlySure, Perspective.Gate writerGate) {

        static final Policy SHIPPED = new Policy(0.6, 0.3, Perspective.Gate.ALWAYS);
    }

    /**
     * One piece the semantic stage read (or two neighbouring pieces read together): its text, held only while the
     * entry is read, its embedding, whether it has a risk word, and whose it may be.
     */
    record Reading(String text, float[] vector, boolean riskWords, Perspective perspective) {

        WordFeatures.Words words() {
            return WordFeatures.of(text);
        }
    }

    /** What the rules found in an entry, the pieces the semantic stage may read, and the entry's language. */
    record RuleReading(Set<CrisisSignal> signals, List<String> pieces, Language language) {
    }

    private final EnglishCrisisRules english = new EnglishCrisisRules();
    private final Map<Language, PhraseRules> phraseRules = new EnumMap<>(Language.class);
    private final LanguageGuess languages;
    private final RiskGate gate;
    private final SentenceEmbeddings embeddings;
    private final CrisisClassifier classifier;

    private CrisisDetector(SentenceEmbeddings embeddings, CrisisClassifier classifier) {
        for (Language language : List.of(Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.FRENCH)) {
            phraseRules.put(language, PhraseRules.load(language));
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
            RuleReading rules = readRules(texts);
            if (rules == null) {
                return CrisisAssessment.NOTHING;
            }
            Set<CrisisSignal> signals = EnumSet.noneOf(CrisisSignal.class);
            signals.addAll(rules.signals());
            // The sentence model was trained on English, German, Spanish and French sentences; in another language
            // its reading means little, and the gentle suggestion stands in for it.
            if (!rules.language().covered()) {
                return new CrisisAssessment(Set.copyOf(signals), false, rules.language());
            }
            Set<CrisisSignal> meant = EnumSet.noneOf(CrisisSignal.class);
            boolean hopeless = decide(readings(rules.pieces()), classifier, Policy.SHIPPED, meant);
            if (rules.language() == Language.ENGLISH) {
                signals.addAll(meant);
                return new CrisisAssessment(Set.copyOf(signals), hopeless, rules.language());
            }
            // Outside English the sentence model is far less sure (see docs/crisis-detection.md): what only it saw
            // brings the gentle suggestion; the full support comes from the language's explicit phrases.
            return new CrisisAssessment(Set.copyOf(signals), hopeless || !meant.isEmpty(), rules.language());
        }
        catch (RuntimeException | StackOverflowError unexpected) {
            // A safety net must not break the journal; the text is deliberately not logged.
            return CrisisAssessment.NOTHING;
        }
    }

    /** The rules' signals, the pieces and the language of an entry; null when it has no text. */
    RuleReading readRules(String... texts) {
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
                phraseRules.values().forEach(rules -> signals.addAll(rules.detect(sentence)));
                pieces.addAll(Sentences.pieces(sentence));
            }
        }
        return all.isEmpty() ? null : new RuleReading(signals, pieces, languages.of(all.toString()));
    }

    /**
     * What the semantic stage reads of the pieces: each one (in a long entry, those the {@link RiskGate} lets
     * through; never one that only denies), and each two neighbours read together.
     */
    List<Reading> readings(List<String> pieces) {
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
        List<Reading> readings = new ArrayList<>();
        for (int r = 0; r < vectors.length; r++) {
            Perspective perspective = Perspective.of(read.get(r));
            readings.add(new Reading(read.get(r), vectors[r], riskWords.get(r), perspective));
            if (r + 1 < vectors.length && positions.get(r + 1) == positions.get(r) + 1) {
                readings.add(new Reading(read.get(r) + " " + read.get(r + 1), Vectors.between(vectors[r], vectors[r + 1]),
                        riskWords.get(r) || riskWords.get(r + 1), perspective.and(Perspective.of(read.get(r + 1)))));
            }
        }
        return readings;
    }

    /**
     * Adds what the semantic stage is sure of to the signals (see {@link Policy}); answers whether it read something
     * softer, which brings the gentle suggestion. Without the risk words, "The light on the water was lovely" would
     * bring support for the water; without the writer gate, "my friend wants to die" would be read as the writer's.
     */
    static boolean decide(List<Reading> readings, CrisisClassifier classifier, Policy policy,
            Set<CrisisSignal> signals) {
        boolean gentle = false;
        for (Reading reading : readings) {
            WordFeatures.Words words = reading.words();
            for (CrisisClassifier.Category category : classifier.categories()) {
                double probability = category.probability(reading.vector(), words);
                CrisisSignal signal = SIGNAL_OF_CATEGORY.get(category.name());
                boolean sure = probability >= policy.sure()
                        || reading.riskWords() && probability >= policy.fairlySure();
                if (signal != null && sure && policy.writerGate().allows(reading.perspective(), category.name())) {
                    signals.add(signal);
                }
                else if (reading.riskWords() && probability >= category.threshold()
                        || signal != null && sure) {
                    gentle = true;
                }
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
