package org.mhconnect.journal.entry;

import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.mhconnect.journal.storage.Upserts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The writer's country, for support resources: from the locale of their profile (learnt from
 * {@code user.registered} and {@code user.profile-changed}), else from the browser's preferred language.
 */
@Component
public class WriterCountry {

    private final MongoTemplate mongo;

    WriterCountry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Remembers the region of a profile locale such as {@code en-GB}; a locale without one forgets it. */
    public void rememberLocale(String userId, String locale) {
        Optional<String> country = regionOf(locale);
        Update update = country.map(c -> new Update().set("country", c)).orElseGet(() -> new Update().unset("country"));
        Upserts.upsert(mongo, Query.query(Criteria.where("_id").is(userId)), update, EntryIndex.JOURNALS);
    }

    String of(String userId, String acceptLanguage) {
        Document journal = mongo.findById(userId, Document.class, EntryIndex.JOURNALS);
        if (journal != null && journal.getString("country") != null) {
            return journal.getString("country");
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> regionOf(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(null);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Optional<String> regionOf(String languageTag) {
        if (languageTag == null) {
            return Optional.empty();
        }
        String region = Locale.forLanguageTag(languageTag).getCountry();
        return region.length() == 2 ? Optional.of(region.toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
