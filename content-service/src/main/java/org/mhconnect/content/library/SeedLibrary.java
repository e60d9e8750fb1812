package org.mhconnect.content.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
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
 * Loads the library the team wrote, once. Each item is inserted only when its slug is absent, so a second
 * start neither duplicates an item nor overwrites an editor's change to it.
 */
@Component
class SeedLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLibrary.class);
    static final String SEED = "seed/library.json";

    private final MongoTemplate mongo;
    private final ContentProperties properties;
    private final JsonMapper json;
    private final java.time.Clock clock;

    SeedLibrary(MongoTemplate mongo, ContentProperties properties, JsonMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.mongo = mongo;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seedOnStart()) {
            return;
        }
        int inserted = 0;
        for (SeedItem item : read()) {
            if (insertIfAbsent(item)) {
                inserted++;
            }
        }
        log.info("Seed library checked: {} new items", inserted);
    }

    private boolean insertIfAbsent(SeedItem item) {
        Instant now = clock.instant();
        Update update = new Update()
                .setOnInsert("type", item.type())
                .setOnInsert("title", item.title())
                .setOnInsert("summary", item.summary())
                .setOnInsert("body", item.body())
                .setOnInsert("topics", item.topics())
                .setOnInsert("habits", item.habits())
                .setOnInsert("minutes", item.minutes())
                .setOnInsert("author", item.author())
                .setOnInsert("steps", item.steps())
                .setOnInsert("status", ContentItemDocument.ContentStatus.PUBLISHED)
                .setOnInsert("publishedAt", now)
                .setOnInsert("version", 0L);
        return mongo.upsert(Query.query(Criteria.where("_id").is(item.slug())), update, ContentItemDocument.class)
                .getUpsertedId() != null;
    }

    private List<SeedItem> read() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return json.readValue(in, new TypeReference<List<SeedItem>>() {
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The seed library " + SEED + " could not be read", ex);
        }
    }

    /** An item as the seed file spells it. */
    record SeedItem(String slug, ContentType type, String title, String summary, String body, List<String> topics,
            List<String> habits, int minutes, String author, List<ContentItemDocument.Step> steps) {
    }
}
