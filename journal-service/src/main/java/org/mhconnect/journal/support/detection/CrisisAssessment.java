package org.mhconnect.journal.support.detection;

import java.util.Set;

/**
 * What {@link CrisisDetector} read in an entry. It is an answer for the writer's screen only: it is never stored,
 * logged, counted by category or sent anywhere.
 *
 * @param signals  the kinds of crisis language found; support comes forward when any is
 * @param hopeless hopeless words ("I don't see a way out"), or crisis language the sentence model is less than sure
 *                 of (outside English: any it saw): a softer "would you like support?"
 * @param language the language the entry was read as
 */
public record CrisisAssessment(Set<CrisisSignal> signals, boolean hopeless, Language language) {

    static final CrisisAssessment NOTHING = new CrisisAssessment(Set.of(), false, Language.ENGLISH);

    /** Whether support should come forward with the entry. */
    public boolean crisis() {
        return !signals.isEmpty();
    }

    /**
     * Whether a gentle support link should be offered instead: hopeless words, or a language the detector does not
     * read, where it cannot tell.
     */
    public boolean gentleSuggestion() {
        return !crisis() && (hopeless || !language.covered());
    }

    @Override
    public String toString() {
        // Deliberately says nothing about what was found, in case an assessment ever reaches a log line.
        return "CrisisAssessment[…]";
    }
}
