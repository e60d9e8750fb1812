package org.mhconnect.content.library;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@ContentIntegrationTest
class SeedLibraryTest {

    @Autowired
    SeedLibrary seed;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theSeedHasNineArticlesAndNinePracticesCoveringEveryHabit() throws Exception {
        List<SeedLibrary.SeedItem> items;
        try (var in = new org.springframework.core.io.ClassPathResource(SeedLibrary.SEED).getInputStream()) {
            items = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readValue(in, new tools.jackson.core.type.TypeReference<List<SeedLibrary.SeedItem>>() {
                    });
        }
        List<SeedLibrary.SeedItem> articles = items.stream().filter(item -> item.type() == ContentType.ARTICLE).toList();
        List<SeedLibrary.SeedItem> practices = items.stream().filter(item -> item.type() == ContentType.PRACTICE).toList();

        assertThat(articles).hasSizeGreaterThanOrEqualTo(8);
        assertThat(practices).hasSizeGreaterThanOrEqualTo(8);
        assertThat(articles.stream().flatMap(item -> item.habits().stream()).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(HABITS);
        assertThat(items).extracting(SeedLibrary.SeedItem::slug).doesNotHaveDuplicates()
                .allSatisfy(slug -> assertThat(slug).matches("[a-z0-9][a-z0-9-]{0,79}"));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.habits()).isNotEmpty().isSubsetOf(HABITS);
            assertThat(item.author()).isNotBlank();
            assertThat(item.minutes()).isPositive();
        });
        assertThat(practices).allSatisfy(practice -> assertThat(practice.steps()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(step -> assertThat(step.text()).isNotBlank()));
        assertThat(practices).extracting(SeedLibrary.SeedItem::slug).contains("a-self-compassion-break",
                "a-letter-from-a-kind-friend", "reframing-the-inner-critic", "a-breathing-space", "a-body-scan",
                "loving-kindness", "an-evening-self-compassion-journal", "what-my-mistake-taught-me");
    }

    static final List<String> HABITS = List.of("challenge-negative-self-talk", "mindfulness", "embrace-imperfection",
            "self-care", "seek-support");

    @Test
    void aSecondStartNeitherDuplicatesNorOverwritesTheLibrary() {
        Query breathingSpace = Query.query(Criteria.where("_id").is("a-breathing-space"));
        mongo.updateFirst(breathingSpace, Update.update("title", "An editor's better title"), ContentItemDocument.class);
        long before = mongo.count(new Query(), ContentItemDocument.class);

        seed.run(null);

        assertThat(mongo.count(new Query(), ContentItemDocument.class)).isEqualTo(before);
        assertThat(mongo.findOne(breathingSpace, ContentItemDocument.class).title()).isEqualTo("An editor's better title");
    }
}
