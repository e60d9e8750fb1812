package org.mhconnect.journal.support;

import java.util.Locale;

import org.mhconnect.journal.support.detection.CrisisAssessment;
import org.mhconnect.journal.support.detection.CrisisDetector;
import org.springframework.stereotype.Component;

/**
 * Decides, from an entry's words, whether support should come forward with it. Nothing about the decision leaves
 * this service or is recorded: no event, no log, no field in the database, no metric. Only the response to the
 * writer shows it.
 */
@Component
public class CrisisSupport {

    private final CrisisDetector detector;
    private final SupportResources resources;

    CrisisSupport(CrisisDetector detector, SupportResources resources) {
        this.detector = detector;
        this.resources = resources;
    }

    /** What to offer with these words; the country is ISO 3166 alpha-2 or null. */
    public SupportOffer forWords(String country, String... texts) {
        CrisisAssessment assessment = detector.assess(texts);
        String code = country == null ? null : country.toUpperCase(Locale.ROOT);
        if (assessment.crisis()) {
            return new SupportOffer(resources.forCountry(code), null);
        }
        if (assessment.gentleSuggestion()) {
            return new SupportOffer(null, new SupportSuggestion(SupportSuggestion.MESSAGE, code, SupportSuggestion.LINK));
        }
        return SupportOffer.NONE;
    }
}
