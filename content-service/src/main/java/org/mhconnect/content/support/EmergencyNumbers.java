package org.mhconnect.content.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emergency number of each country the directory knows, read once from the classpath. The table changes
 * only with a release, so it is not stored in MongoDB. A country it does not list gets the fallback, 112, which
 * works across the European Union and on many mobile networks elsewhere.
 */
@Component
class EmergencyNumbers {

    static final String TABLE = "seed/emergency-numbers.json";

    private final Map<String, String> byCountry;
    private final String fallback;

    EmergencyNumbers(JsonMapper json) {
        Table table = read(json);
        this.byCountry = Map.copyOf(table.countries());
        this.fallback = table.fallback();
    }

    /** The number for an upper-case ISO 3166-1 alpha-2 code; the fallback for an unknown code or none. */
    String forCountry(String country) {
        return country == null ? fallback : byCountry.getOrDefault(country, fallback);
    }

    private static Table read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(TABLE).getInputStream()) {
            return json.readValue(in, Table.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The emergency numbers " + TABLE + " could not be read", ex);
        }
    }

    /** The table as the file spells it. */
    record Table(String fallback, Map<String, String> countries) {
    }
}
