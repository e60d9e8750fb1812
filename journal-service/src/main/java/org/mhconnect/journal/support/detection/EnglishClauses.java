package org.mhconnect.journal.support.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@link EnglishCrisisRules} reads English: lower case, straight apostrophes, contractions spelled out ("don't"
 * and "dont" become "do not", "I'm" becomes "I am"), split into clauses at sentence punctuation, commas, semicolons,
 * dashes and "but", so that phrases and negations need only one form and a negation never reaches into the next
 * clause.
 */
final class EnglishClauses {

    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u201B\\u02BC\\u2032\\u00B4`]");

    private static final Pattern DASHES = Pattern.compile("[\\u2012\\u2013\\u2014\\u2015]");

    /** Spelled out so that phrases and negations need only one form: "don't" and "dont" become "do not". */
    private static final List<Replacement> CONTRACTIONS = List.of(
            Replacement.of("\\bwo(?:n't|nt)\\b", "will not"),
            Replacement.of("\\bca(?:n't|nt)\\b|\\bcannot\\b", "can not"),
            Replacement.of("\\bsha(?:n't|nt)\\b", "shall not"),
            Replacement.of("\\bain't\\b", "is not"),
            Replacement.of("n't\\b", " not"),
            Replacement.of("\\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must|need)nt\\b",
                    "$1 not"),
            Replacement.of("\\bi'?m\\b", "i am"),
            Replacement.of("\\bive\\b", "i have"),
            Replacement.of("\\b(he|she|it|that|there|what|who|life|everything|everyone|nobody|someone)'s\\b",
                    "$1 is"),
            Replacement.of("'re\\b", " are"),
            Replacement.of("'ve\\b", " have"),
            Replacement.of("'ll\\b", " will"),
            Replacement.of("'d\\b", " would"));

    /** Where one clause ends and the next begins. */
    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
            "[.!?;:,()\\[\\]\"\\u201C\\u201D\\u2026\\r\\n]+|\\s-+\\s|\\bbut\\b|\\bhowever\\b");

    private static final Pattern NOT_PART_OF_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'\\- ]+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");

    private EnglishClauses() {
    }

    /** The normalised clauses of the text: lower case, straight apostrophes, contractions spelled out. */
    static List<String> of(String text) {
        String normalised = text.toLowerCase(Locale.ROOT);
        normalised = APOSTROPHES.matcher(normalised).replaceAll("'");
        normalised = DASHES.matcher(normalised).replaceAll(",");
        for (Replacement contraction : CONTRACTIONS) {
            normalised = contraction.pattern().matcher(normalised).replaceAll(contraction.with());
        }
        List<String> clauses = new ArrayList<>();
        for (String part : CLAUSE_BOUNDARY.split(normalised)) {
            String clause = NOT_PART_OF_A_WORD.matcher(part).replaceAll(" ");
            clause = SPACES.matcher(clause).replaceAll(" ").strip();
            if (!clause.isEmpty()) {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    /** The words of a normalised text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private record Replacement(Pattern pattern, String with) {

        static Replacement of(String regex, String with) {
            return new Replacement(Pattern.compile(regex), with);
        }
    }
}
