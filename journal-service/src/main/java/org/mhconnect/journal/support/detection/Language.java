package org.mhconnect.journal.support.detection;

/** The language an entry is written in, as far as {@link LanguageGuess} can tell. */
public enum Language {

    ENGLISH("en", true), GERMAN("de", true), SPANISH("es", true), FRENCH("fr", true),

    /** Another language the detector recognises but does not read for crisis language (Italian, Dutch, …). */
    OTHER("und", false);

    private final String code;
    private final boolean covered;

    Language(String code, boolean covered) {
        this.code = code;
        this.covered = covered;
    }

    /** The ISO 639-1 code, or "und" (undetermined, BCP 47) for another language. */
    public String code() {
        return code;
    }

    /** Whether the detector reads this language for crisis language. */
    public boolean covered() {
        return covered;
    }

    static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        return OTHER;
    }
}
