package org.mhconnect.content.library;

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
    void aSecondStartNeitherDuplicatesNorOverwritesTheLibrary() {
        Query breathingSpace = Query.query(Criteria.where("_id").is("a-breathing-space"));
        mongo.updateFirst(breathingSpace, Update.update("title", "An editor's better title"), ContentItemDocument.class);
        long before = mongo.count(new Query(), ContentItemDocument.class);

        seed.run(null);

        assertThat(mongo.count(new Query(), ContentItemDocument.class)).isEqualTo(before);
        assertThat(mongo.findOne(breathingSpace, ContentItemDocument.class).title()).isEqualTo("An editor's better title");
    }
}
