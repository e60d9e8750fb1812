package org.mhconnect.journal.support;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Decides, from an entry's words, whether support should come forward with it. Nothing about the decision leaves
 * this service or is recorded: no event, no log, no field in the database. Only the response to the writer shows it.
 */
@Component
public class CrisisSupport {

    private final CrisisDetector detector;
    private final SupportResources resources;

    CrisisSupport(CrisisDetector detector, SupportResources resources) {
        this.detector = detector;
        this.resources = resources;
    }

    /** The support block for these words, if they signal danger; the country is ISO 3166 alpha-2 or null. */
    public Optional<SupportBlock> forWords(String country, String... texts) {
        boolean signal = Stream.of(texts).anyMatch(text -> text != null && !detector.detect(text).isEmpty());
        return signal ? Optional.of(resources.forCountry(country == null ? null : country.toUpperCase(Locale.ROOT)))
                : Optional.empty();
    }
}
