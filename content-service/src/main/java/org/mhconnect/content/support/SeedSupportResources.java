package org.mhconnect.content.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.mhconnect.content.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the support resources the team checked, once. Each resource is inserted only when its id is absent, so
 * a second start neither duplicates a resource nor overwrites an editor's correction to it. Honours the same
 * {@code mhc.content.seed-on-start} switch as the library.
 */
@Component
class SeedSupportResources implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedSupportResources.class);
    static final String SEED = "seed/support.json";

    private final MongoTemplate mongo;
    private final ContentProperties properties;
    private final JsonMapper json;

    SeedSupportResources(MongoTemplate mongo, ContentProperties properties, JsonMapper json) {
        this.mongo = mongo;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedOnStart()) {
            return;
        }
        log.info("Seed support resources checked: {} new resources", seed());
    }

    /** Inserts every seed resource whose id is absent, and answers how many were new. */
    int seed() {
        int inserted = 0;
        for (SeedResource resource : read()) {
            if (insertIfAbsent(resource)) {
                inserted++;
            }
        }
        return inserted;
    }

    private boolean insertIfAbsent(SeedResource resource) {
        Update update = new Update()
                .setOnInsert("name", resource.name())
                .setOnInsert("kind", resource.kind())
                .setOnInsert("countries", resource.countries())
                .setOnInsert("contacts", resource.contacts())
                .setOnInsert("hours", resource.hours())
                .setOnInsert("languages", resource.languages())
                .setOnInsert("description", resource.description())
                .setOnInsert("lastVerified", resource.lastVerified())
                .setOnInsert("version", 0L);
        return mongo.upsert(Query.query(Criteria.where("_id").is(resource.id())), update, SupportResourceDocument.class)
                .getUpsertedId() != null;
    }

    private List<SeedResource> read() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return json.readValue(in, new TypeReference<List<SeedResource>>() {
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The seed support resources " + SEED + " could not be read", ex);
        }
    }

    /** A resource as the seed file spells it. */
    record SeedResource(String id, String name, SupportResourceDocument.Kind kind, List<String> countries,
            List<SupportResourceDocument.Contact> contacts, String hours, List<String> languages, String description,
            LocalDate lastVerified) {
    }
}
