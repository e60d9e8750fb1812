package org.mhconnect.journal.support.detection;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One way to read words whatever their spelling of accents and apostrophes: lower case, accents removed
 * ("tötet" and "totet", "así" and "asi" read the same), ß as ss, curly apostrophes straight. The phrase tables and
 * the risk words are written in this form.
 */
final class Normalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u201B\\u02BC\\u2032\\u00B4`]");

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private Normalizer() {
    }

    /** Lower case, no accents, straight apostrophes, and single spaces between words. */
    static String plain(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss");
        String unaccented = MARKS.matcher(java.text.Normalizer.normalize(lower, Form.NFD)).replaceAll("");
        String apostrophes = APOSTROPHES.matcher(unaccented).replaceAll("'");
        return NOT_A_WORD.matcher(apostrophes).replaceAll(" ").strip();
    }

    /** The words of {@link #plain(String)} text. */
    static String[] words(String plain) {
        return plain.isEmpty() ? new String[0] : plain.split(" ");
    }
}
