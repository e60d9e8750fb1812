package org.mhconnect.problems.text;

/**
 * What a piece of text may hold. Control characters never belong in what people type (they hide, break lines in
 * logs and mails, or end C strings), and the bidirectional embeddings, overrides and isolates reorder what is
 * shown around them (names that read differently from what they are).
 */
public final class TextRules {

    private TextRules() {
    }

    /** A name, title, label or tag: no control character at all, no line or paragraph separator, no bidi control. */
    public static boolean isSingleLine(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || isBidiControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return hasNoLoneSurrogate(text);
    }

    /**
     * Written text of several lines, such as a journal entry: line breaks (LF, and the CR of a CRLF written on
     * Windows or kept in an older export) and tabs are kept; no other C0 control (NUL, escape, bell, …), no DEL,
     * and no C1 control.
     */
    public static boolean isMultiLine(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return hasNoLoneSurrogate(text);
    }

    /** True when every surrogate in the text is half of a pair, i.e. the text can be written as UTF-8. */
    public static boolean hasNoLoneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates). The marks U+200E/F stay allowed. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
