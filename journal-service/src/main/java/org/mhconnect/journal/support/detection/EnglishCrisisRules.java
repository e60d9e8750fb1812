package org.mhconnect.journal.support.detection;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mhconnect.journal.support.detection.EnglishPhrases.Phrase;

/**
 * The first stage of {@link CrisisDetector} for English: explicit phrases of suicidal thoughts, self-harm and abuse by
 * someone close, with negation, idioms and topics (books, films, courses) handled by rule.
 *
 * <p>This is a safety net, not a diagnosis. It only decides whether to offer support; it cannot tell how someone
 * feels, and an empty answer never means that someone is safe.
 *
 * <p>The approach is deterministic and uses plain regular expressions:
 * <ol>
 * <li>Normalise: lower case, curly apostrophes become straight ones, contractions are spelled out ("don't" becomes
 * "do not", "I'm" becomes "I am").</li>
 * <li>Split the text into clauses at sentence punctuation, commas, semicolons and "but".</li>
 * <li>Look for the phrases of each signal ({@code crisis/rules/en-phrases.txt}, read by {@link EnglishPhrases}). A phrase needs the words around it: a wish to die rather than "die", "myself" rather than
 * "cut", someone close hurting "me". So everyday idioms ("I'd die for a coffee", "cutting vegetables", "this joke
 * killed me") do not match in the first place.</li>
 * <li>Ignore a match when a negation ("not", "never", "no longer", "without"...) sits a few words before its core in
 * the same clause ("I don't want to die"). A negation reaches no further than the clause, nor past words such as
 * "and", "because" or a new "I": "I don't know why I want to die" and "I'm not okay. I want to die." are signals.</li>
 * <li>Ignore a match when the clause is about a book, film or course rather than the writer ("a documentary about
 * domestic abuse", "self-harm awareness week", "one year self-harm free").</li>
 * </ol>
 *
 * <p>The detector never logs, stores or sends the text it reads; it only answers which signals it saw. It holds no
 * state, so one instance can serve every thread.
 */
final class EnglishCrisisRules {

    /** How many words before a phrase a negation may stand and still negate it. */
    private static final int NEGATION_WINDOW = 7;

    /** Every signal with its phrases ({@code crisis/rules/en-phrases.txt}). */
    private static final Map<CrisisSignal, List<Phrase>> PHRASES = EnglishPhrases.load();

    // ---------------------------------------------------------------------------------------------------------------
    // Negation: which words negate a phrase, and which words end a negation's reach.
    // ---------------------------------------------------------------------------------------------------------------

    /** Words that negate a phrase a few words after them: "I would never hurt myself". */
    private static final Set<String> NEGATIONS = Set.of(
            "not", "never", "nor", "neither", "without", "none", "accidentally", "stopped");

    /** "no" negates only when it is right before the phrase or followed by one of these: "no longer", "no urge". */
    private static final Set<String> NEGATING_AFTER_NO = Set.of(
            "longer", "more", "way", "urge", "urges", "desire", "wish", "thoughts", "thought", "plan", "plans",
            "intention", "need", "temptation", "sign", "signs");

    /**
     * Words that end a negation's reach: "I don't know why I want to die", "I'm not sleeping and want to die".
     * "mean" belongs here because "he didn't mean to hit me" still says that he did.
     */
    private static final Set<String> NEGATION_SCOPE_BREAKERS = Set.of(
            "i", "and", "because", "cause", "then", "which", "who", "why", "what", "how", "when", "whenever", "if",
            "though", "although", "yet", "until", "unless", "mean", "meant");

    /** After these words a negation does reach past "I": "I don't think I'm suicidal", "no way I'd hurt myself". */
    private static final Set<String> NEGATION_CARRIERS = Set.of(
            "think", "believe", "reckon", "suppose", "feel", "like", "say", "said", "saying", "way");

    /** "not" followed by one of these does not negate what comes next: "I can't stop thinking about dying". */
    private static final Set<String> UNDONE_AFTER_NOT = Set.of("stop", "help", "only");

    /** "never" followed by one of these intensifies instead of negating: "I've never felt this suicidal". */
    private static final Set<String> INTENSIFIERS = Set.of("so", "this", "as", "more", "that");

    // ---------------------------------------------------------------------------------------------------------------
    // Topic: a clause about a book, film or course rather than about the writer.
    // ---------------------------------------------------------------------------------------------------------------

    /** Before a phrase: "a documentary about domestic abuse", "an essay on self-harm". */
    private static final Pattern TOPIC_BEFORE = Pattern.compile("\\b(?:documentar(?:y|ies)|books?|novels?|articles?"
            + "|podcasts?|films?|movies?|episodes?|lectures?|essays?|leaflets?|posters?|characters?|charity|charities"
            + "|workshops?|seminars?|modules?|thesis|awareness|campaigns?|(?:read|reads|reading|learn|learns|learned"
            + "|learnt|learning|watch|watched|watching|study|studying|studied|wrote|writing)"
            + " (?:(?:a|an|some|the) \\w+ )?(?:about|on))\\b");

    /** Words that end a topic's reach: "I watched a film and then I wanted to die". */
    private static final Pattern TOPIC_SCOPE_BREAKER = Pattern.compile(
            "\\b(?:and|then|because|after|since|until|when|while)\\b");

    /** Right after a phrase: "self-harm awareness week", "one year self-harm free". */
    private static final Pattern TOPIC_AFTER = Pattern.compile("(?:\\s*-\\s*|\\s+)(?:free|awareness|prevention|charity"
            + "|charities|training|documentary|campaign|research|statistics|rates?|workshop|module|course|lecture"
            + "|podcast|book|novel|film|movie|leaflets?|posters?|services?|support group)\\b");

    /** The writer and someone else, as {@link #someoneElses} reads them (contractions are spelled out by then). */
    private static final Set<String> WRITER = Set.of("i", "me", "myself", "im", "ive", "id");
    private static final Set<String> WRITER_IN_A_PHRASE = Set.of("i", "me", "my", "myself");
    private static final Set<String> SOMEONE_ELSE = Set.of("he", "she", "they", "hes", "shes", "himself", "herself",
            "themselves");

    EnglishCrisisRules() {
    }

    /**
     * The signals found in the text; empty when none. Never logs, never throws on any input (null or blank text
     * gives an empty set).
     */
    Set<CrisisSignal> detect(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        try {
            EnumSet<CrisisSignal> found = EnumSet.noneOf(CrisisSignal.class);
            for (String clause : EnglishClauses.of(text)) {
                for (Map.Entry<CrisisSignal, List<Phrase>> signal : PHRASES.entrySet()) {
                    if (!found.contains(signal.getKey())
                            && saysAny(clause, signal.getValue(), signal.getKey() != CrisisSignal.ABUSE)) {
                        found.add(signal.getKey());
                    }
                }
            }
            return Collections.unmodifiableSet(found);
        }
        catch (RuntimeException | StackOverflowError unexpected) {
            // A safety net must not break the journal; the text is deliberately not logged.
            return Set.of();
        }
    }

    /**
     * Whether the text denies a crisis phrase ("I don't want to die", "I would never hurt myself") without also
     * saying one: then the semantic stage, which reads meaning but not negation, leaves the sentence alone.
     */
    boolean onlyDenies(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            boolean denied = false;
            for (String clause : EnglishClauses.of(text)) {
                for (List<Phrase> phrases : PHRASES.values()) {
                    for (Phrase phrase : phrases) {
                        Matcher match = phrase.pattern().matcher(clause);
                        while (match.find()) {
                            int core = phrase.coreStart(match);
                            if (negated(clause, core)) {
                                denied = true;
                            }
                            else if (!aboutATopic(clause, core, match.end())) {
                                return false;
                            }
                        }
                    }
                }
            }
            return denied;
        }
        catch (RuntimeException | StackOverflowError unexpected) {
            return false;
        }
    }

    /**
     * Whether the clause says one of the phrases, not negated nor about a topic; when {@code writersOwn} (suicidal
     * thoughts, self-harm), also not said of someone else ("my friend said she wants to die").
     */
    private static boolean saysAny(String clause, List<Phrase> phrases, boolean writersOwn) {
        for (Phrase phrase : phrases) {
            Matcher match = phrase.pattern().matcher(clause);
            while (match.find()) {
                int core = phrase.coreStart(match);
                if (!negated(clause, core) && !aboutATopic(clause, core, match.end())
                        && !(writersOwn && someoneElses(clause, core, match.end()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the nearest person named before the core of a phrase is someone else: "she wants to die", "he is
     * suicidal", but not "he makes me want to die" nor "she knows I want to die". A phrase that names the writer
     * itself ("she saw the cuts on my arms"), or has no person before it, is the writer's: journals drop the "I".
     */
    private static boolean someoneElses(String clause, int core, int end) {
        if (EnglishClauses.words(clause.substring(core, end)).stream().anyMatch(WRITER_IN_A_PHRASE::contains)) {
            return false;
        }
        List<String> before = EnglishClauses.words(clause.substring(0, core));
        for (int i = before.size() - 1; i >= 0; i--) {
            if (WRITER.contains(before.get(i))) {
                return false;
            }
            if (SOMEONE_ELSE.contains(before.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a negation stands a few words before the core of a phrase, within its reach. */
    private static boolean negated(String clause, int core) {
        List<String> before = EnglishClauses.words(clause.substring(0, core));
        List<String> after = EnglishClauses.words(clause.substring(core));
        String firstWordOfPhrase = after.isEmpty() ? "" : after.get(0);
        boolean intensified = false;
        int last = before.size() - 1;
        for (int i = last; i >= 0 && last - i < NEGATION_WINDOW; i--) {
            String word = before.get(i);
            if (NEGATION_SCOPE_BREAKERS.contains(word)) {
                boolean carried = word.equals("i") && i > 0 && NEGATION_CARRIERS.contains(before.get(i - 1));
                if (!carried) {
                    return false;
                }
                continue;
            }
            if (INTENSIFIERS.contains(word)) {
                intensified = true;
            }
            String next = i < last ? before.get(i + 1) : firstWordOfPhrase;
            boolean negation = (NEGATIONS.contains(word) && !(word.equals("not") && UNDONE_AFTER_NOT.contains(next)))
                    || (word.equals("no") && (i == last || NEGATING_AFTER_NO.contains(next)));
            if (negation) {
                return !(intensified && word.equals("never"));
            }
        }
        return false;
    }

    /** Whether the clause talks about a book, film or course, or the phrase names a cause or a milestone. */
    private static boolean aboutATopic(String clause, int core, int end) {
        String before = clause.substring(0, core);
        int from = 0;
        Matcher breaker = TOPIC_SCOPE_BREAKER.matcher(before);
        while (breaker.find()) {
            from = breaker.end();
        }
        return TOPIC_BEFORE.matcher(before.substring(from)).find()
                || TOPIC_AFTER.matcher(clause.substring(end)).lookingAt();
    }
}
