package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule stage for German, Spanish and French: explicit phrases of intent, self-harm and abuse, read from
 * {@code crisis/rules/<language>.tsv}. Each row is a signal and a regular expression over {@link Normalizer#plain}
 * text; one row named {@code negation} lists the words that cancel a phrase when they stand just before it
 * ("ich will nicht sterben" is no signal; "ich will nicht mehr leben" is one because its phrase says "nicht mehr").
 */
final class PhraseRules {

    /** How many words before a phrase a negation reaches. */
    private static final int NEGATION_WINDOW = 3;

    private final List<Rule> rules;
    private final Set<String> negations;

    private PhraseRules(List<Rule> rules, Set<String> negations) {
        this.rules = rules;
        this.negations = negations;
    }

    static PhraseRules load(Language language) {
        List<Rule> rules = new ArrayList<>();
        Set<String> negations = Set.of();
        for (List<String> row : DataFiles.rows("crisis/rules/" + language.code() + ".tsv", 2)) {
            if (row.get(0).equals("negation")) {
                negations = Set.copyOf(java.util.Arrays.asList(Normalizer.words(Normalizer.plain(row.get(1)))));
            }
            else {
                rules.add(new Rule(CrisisSignal.valueOf(row.get(0)), Pattern.compile(row.get(1))));
            }
        }
        return new PhraseRules(List.copyOf(rules), negations);
    }

    /** The signals whose phrases the sentence says, not negated. */
    Set<CrisisSignal> detect(String sentence) {
        String plain = Normalizer.plain(sentence);
        Set<CrisisSignal> found = EnumSet.noneOf(CrisisSignal.class);
        for (Rule rule : rules) {
            if (found.contains(rule.signal())) {
                continue;
            }
            Matcher match = rule.pattern().matcher(plain);
            while (match.find()) {
                if (!negated(plain, match.start())) {
                    found.add(rule.signal());
                    break;
                }
            }
        }
        return found;
    }

    private boolean negated(String plain, int start) {
        String[] before = Normalizer.words(plain.substring(0, start).strip());
        for (int i = before.length - 1; i >= 0 && before.length - i <= NEGATION_WINDOW; i--) {
            if (negations.contains(before[i])) {
                return true;
            }
        }
        return false;
    }

    private record Rule(CrisisSignal signal, Pattern pattern) {
    }
}
