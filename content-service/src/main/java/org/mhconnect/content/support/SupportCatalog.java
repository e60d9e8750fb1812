package org.mhconnect.content.support;

import java.util.Comparator;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds the support resources for a country: its own and those that serve everywhere. The kinds are ordered
 * here rather than in MongoDB, because MongoDB would sort their names alphabetically; the whole directory is a
 * few dozen documents at most.
 */
@Component
class SupportCatalog {

    /** The same words as journal-service's built-in fallback, so a reader sees one message either way. */
    static final String FALLBACK_MESSAGE = "If you are in danger now, call your local emergency number.";

    /** For one country: by kind, the country's own resources before the worldwide ones, then by name. */
    private static final Comparator<SupportResourceDocument> FOR_A_COUNTRY = Comparator
            .comparing(SupportResourceDocument::kind)
            .thenComparing(SupportCatalog::servesEverywhere)
            .thenComparing(SupportResourceDocument::name)
            .thenComparing(SupportResourceDocument::id);

    /** For every country: by kind, worldwide resources last, grouped by (first) country, then by name. */
    private static final Comparator<SupportResourceDocument> FOR_EVERY_COUNTRY = Comparator
            .comparing(SupportResourceDocument::kind)
            .thenComparing(SupportCatalog::servesEverywhere)
            .thenComparing(SupportCatalog::firstCountry)
            .thenComparing(SupportResourceDocument::name)
            .thenComparing(SupportResourceDocument::id);

    private final MongoTemplate mongo;
    private final EmergencyNumbers emergencyNumbers;

    SupportCatalog(MongoTemplate mongo, EmergencyNumbers emergencyNumbers) {
        this.mongo = mongo;
        this.emergencyNumbers = emergencyNumbers;
    }

    /**
     * The directory for an upper-case ISO 3166-1 alpha-2 code, or for every country when {@code country} is
     * {@code null}. A code no resource lists gets the worldwide resources and the fallback.
     */
    SupportDirectory directory(String country) {
        Query query = country == null ? new Query()
                : Query.query(Criteria.where("countries").in(country, SupportResourceDocument.EVERYWHERE));
        List<SupportResourceView> resources = mongo.find(query, SupportResourceDocument.class).stream()
                .sorted(country == null ? FOR_EVERY_COUNTRY : FOR_A_COUNTRY)
                .map(SupportResourceView::of)
                .toList();
        return new SupportDirectory(country, resources,
                new SupportDirectory.Fallback(FALLBACK_MESSAGE, emergencyNumbers.forCountry(country)));
    }

    private static boolean servesEverywhere(SupportResourceDocument resource) {
        return resource.countries().contains(SupportResourceDocument.EVERYWHERE);
    }

    private static String firstCountry(SupportResourceDocument resource) {
        return resource.countries().isEmpty() ? "" : resource.countries().getFirst();
    }
}
