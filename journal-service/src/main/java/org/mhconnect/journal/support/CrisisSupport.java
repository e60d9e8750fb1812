package org.mhconnect.journal.support;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mhconnect.journal.support.detection.CrisisAssessment;
import org.mhconnect.journal.support.detection.CrisisDetector;
import org.springframework.stereotype.Component;

/**
 * Decides, from an entry's words, whether support should come forward with it. Nothing about the decision leaves
 * this service or is recorded: no event, no log, no field in the database, no metric. Only the response to the
 * writer shows it. How long detection took is timed ({@code mhc.crisis.detection}) with no label at all, for every
 * assessment alike, so the meter says nothing about any decision.
 */
@Component
public class CrisisSupport {

    private final CrisisDetector detector;
    private final SupportResources resources;
    private final Timer detection;

    CrisisSupport(CrisisDetector detector, SupportResources resources, MeterRegistry registry) {
        this.detector = detector;
        this.resources = resources;
        this.detection = Timer.builder("mhc.crisis.detection").description("Time to assess an entry's words for crisis")
                .publishPercentileHistogram().register(registry);
    }

    /** What to offer with these words; the country is ISO 3166 alpha-2 or null. */
    public SupportOffer forWords(String country, String... texts) {
        CrisisAssessment assessment = detection.record(() -> detector.assess(texts));
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
