package org.mhconnect.content.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mhconnect.content.ContentIntegrationTest;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** "What's your reaction?": one per person per item, changeable and removable, with counts that stay exact. */
@ContentIntegrationTest
class ReactionsTest {

    static final String ITEM = "a-letter-from-a-kind-friend";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aPersonReactsChangesTheirMindAndTakesItBack() {
        String person = UUID.randomUUID().toString();
        Map<String, Integer> before = counts(ITEM);

        ReactionViewProbe reacted = react(person, ITEM, "calming");
        assertThat(reacted.mine()).isEqualTo("calming");
        assertThat(reacted.counts().get("calming")).isEqualTo(before.get("calming") + 1);

        ReactionViewProbe changed = react(person, ITEM, "helpful");
        assertThat(changed.mine()).isEqualTo("helpful");
        assertThat(changed.counts().get("calming")).isEqualTo(before.get("calming"));
        assertThat(changed.counts().get("helpful")).isEqualTo(before.get("helpful") + 1);

        ReactionViewProbe removed = http.delete().uri("/api/content/items/{slug}/reaction", ITEM).headers(bearer(person))
                .exchange().expectStatus().isOk().expectBody(ReactionViewProbe.class).returnResult().getResponseBody();
        assertThat(removed.mine()).isNull();
        assertThat(removed.counts()).isEqualTo(before);
    }

    @Test
    void aRetriedReactionCountsOnce() {
        String person = UUID.randomUUID().toString();
        Map<String, Integer> before = counts(ITEM);

        react(person, ITEM, "relatable");
        react(person, ITEM, "relatable");
        http.delete().uri("/api/content/items/{slug}/reaction", ITEM).headers(bearer(person)).exchange().expectStatus().isOk();
        http.delete().uri("/api/content/items/{slug}/reaction", ITEM).headers(bearer(person)).exchange().expectStatus().isOk();

        assertThat(counts(ITEM)).isEqualTo(before);
    }

    @Test
    void fiftyPeopleReactingAndChangingAtOnceLeaveCountsThatMatchWhatTheyChose() throws Exception {
        String item = "a-breathing-space";
        List<String> kinds = List.of("helpful", "calming", "inspiring", "relatable");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            people.add(UUID.randomUUID().toString());
        }
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (String person : people) {
                done.add(clients.submit(() -> {
                    Random random = new Random(person.hashCode());
                    for (int change = 0; change < 6; change++) {
                        if (random.nextInt(5) == 0) {
                            http.delete().uri("/api/content/items/{slug}/reaction", item).headers(bearer(person))
                                    .exchange().expectStatus().isOk();
                        }
                        else {
                            react(person, item, kinds.get(random.nextInt(kinds.size())));
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        Map<String, Integer> expected = new HashMap<>();
        kinds.forEach(kind -> expected.put(kind, 0));
        for (Document reaction : mongo.find(Query.query(Criteria.where("slug").is(item)), Document.class, Reactions.REACTIONS)) {
            expected.merge(reaction.getString("reaction"), 1, Integer::sum);
        }
        assertThat(counts(item)).isEqualTo(expected);
    }

    @Test
    void anyoneMayReadTheCountsButOnlyAPersonMayReact() {
        http.get().uri("/api/content/items/{slug}/reactions", ITEM).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mine").doesNotExist().jsonPath("$.counts.helpful").exists();
        http.put().uri("/api/content/items/{slug}/reaction", ITEM).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reaction", "helpful")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownReactionOrItemIsRefusedAndChangesNothing() {
        String person = UUID.randomUUID().toString();
        Map<String, Integer> before = counts(ITEM);

        http.put().uri("/api/content/items/{slug}/reaction", ITEM).headers(bearer(person)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reaction", "angry")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/content/items/{slug}/reaction", "no-such-item").headers(bearer(person))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reaction", "helpful")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(counts(ITEM)).isEqualTo(before);
    }

    private ReactionViewProbe react(String person, String slug, String kind) {
        return http.put().uri("/api/content/items/{slug}/reaction", slug).headers(bearer(person))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reaction", kind)).exchange()
                .expectStatus().isOk()
                .expectBody(ReactionViewProbe.class).returnResult().getResponseBody();
    }

    private Map<String, Integer> counts(String slug) {
        return http.get().uri("/api/content/items/{slug}/reactions", slug).exchange()
                .expectStatus().isOk()
                .expectBody(ReactionViewProbe.class).returnResult().getResponseBody().counts();
    }

    private static Consumer<HttpHeaders> bearer(String userId) {
        return headers -> headers.setBearerAuth(TestTokens.get().accessToken(userId));
    }
}
