package org.mhconnect.journal.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.idempotency.IdempotentRequests;
import org.mhconnect.journal.JournalIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

/** An Idempotency-Key makes a repeated POST give the first answer again instead of writing twice. */
@JournalIntegrationTest
class IdempotentPostsTest {

    @Autowired
    RestTestClient http;

    @Autowired
    IdempotentPosts idempotent;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Test
    void anEntrySentTwiceWithTheSameKeyIsSavedOnceAndAnsweredTheSameWay() {
        String user = aUser();
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<JsonNode> first = postEntry(user, key, "The same words, sent twice");
        EntityExchangeResult<JsonNode> again = postEntry(user, key, "The same words, sent twice");

        assertThat(first.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(entryCount(user)).isEqualTo(1);
    }

    @Test
    void anEntrySavedByARequestWhoseProcessStoppedBeforeAnsweringIsNotSavedTwiceWhenSentAgain() {
        String user = aUser();
        String key = UUID.randomUUID().toString();
        String saved = postEntry(user, key, "Written just before the service was killed").getResponseBody().get("id").asString();
        // As a kill -9 leaves it: the entry is saved, but the key's claim still says in flight, with nothing kept.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(IdempotentRequests.idOf(user, key))), new Update()
                .set("state", "in-flight").set("claimedAt", Date.from(clock.instant().minusSeconds(31)))
                .unset("status").unset("location").unset("remembered"), "idempotency_keys");

        EntityExchangeResult<JsonNode> again = postEntry(user, key, "Written just before the service was killed");

        assertThat(again.getStatus()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getResponseBody().get("id").asString()).isEqualTo(saved);
        assertThat(entryCount(user)).isEqualTo(1);
        assertThat(postEntry(user, key, "Written just before the service was killed").getResponseBody().get("id")
                .asString()).as("and from then on the kept answer").isEqualTo(saved);
    }

    @Test
    void theKeptClaimHoldsNoDigestOfTheWordsThatSomeoneWithoutTheKeyCouldCheck() {
        String words = "I cried today";
        String one = aUser();
        String other = aUser();
        String key = UUID.randomUUID().toString();
        String anotherKey = UUID.randomUUID().toString();
        postEntry(one, key, words);
        postEntry(one, anotherKey, words);
        postEntry(other, key, words);

        // A plain digest of the request would be the same in all three claims, and a few likely sentences tried
        // against it would give the words away. Keyed with the Idempotency-Key (never stored), each claim differs.
        List<String> kept = List.of(fingerprintKept(one, key), fingerprintKept(one, anotherKey), fingerprintKept(other, key));
        assertThat(kept).doesNotHaveDuplicates().allSatisfy(fingerprint -> assertThat(fingerprint).hasSize(64));
        assertThat(postEntry(one, key, words).getStatus()).as("the same request again still matches").isEqualTo(HttpStatus.CREATED);
        assertThat(entryCount(one)).isEqualTo(2);
    }

    private String fingerprintKept(String user, String key) {
        return mongo.findById(IdempotentRequests.idOf(user, key), org.bson.Document.class, "idempotency_keys")
                .getString("fingerprint");
    }

    @Test
    void aClaimLeftInFlightIsNotTakenOverWhileItsRequestMayStillBeRunning() {
        String user = aUser();
        String key = UUID.randomUUID().toString();
        postEntry(user, key, "Still being saved");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(IdempotentRequests.idOf(user, key))), new Update()
                .set("state", "in-flight").set("claimedAt", Date.from(clock.instant().minusSeconds(5))), "idempotency_keys");

        http.post().uri("/api/journal/entries").headers(bearer(user)).header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).body(anEntry("Still being saved")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(entryCount(user)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
        String user = aUser();
        String key = UUID.randomUUID().toString();
        postEntry(user, key, "The first words");

        http.post().uri("/api/journal/entries").headers(bearer(user)).header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).body(anEntry("Other words")).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(entryCount(user)).isEqualTo(1);
    }

    @Test
    void twoPeopleMayUseTheSameKeyIndependently() {
        String key = UUID.randomUUID().toString();
        String one = aUser();
        String other = aUser();

        String first = postEntry(one, key, "The same words").getResponseBody().get("id").asString();
        String second = postEntry(other, key, "The same words").getResponseBody().get("id").asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(entryCount(one)).isEqualTo(1);
        assertThat(entryCount(other)).isEqualTo(1);
    }

    @Test
    void keysThatAreEmptyTooLongOrHoldControlCharactersAreRefused() {
        String user = aUser();
        for (String key : List.of("", "k".repeat(256), "tab\tinside")) {
            http.post().uri("/api/journal/entries").headers(bearer(user)).header(IdempotencyKey.HEADER, key)
                    .contentType(MediaType.APPLICATION_JSON).body(anEntry("Words")).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(entryCount(user)).isZero();
    }

    @Test
    void aCheckInSentTwiceWithTheSameKeyIsRecordedOnce() {
        String user = aUser();
        String key = UUID.randomUUID().toString();
        Map<String, List<Integer>> answers = Map.of("answers", List.of(4, 2, 3, 5, 1, 2, 4, 3, 2, 5, 4, 1));
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            locations.add(http.post().uri("/api/journal/checkins").headers(bearer(user)).header(IdempotencyKey.HEADER, key)
                    .contentType(MediaType.APPLICATION_JSON).body(answers).exchange()
                    .expectStatus().isCreated()
                    .returnResult().getResponseHeaders().getLocation().toString());
        }
        assertThat(locations.get(1)).isEqualTo(locations.get(0));
        http.get().uri("/api/journal/checkins").headers(bearer(user)).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void aDuplicateWhileTheFirstIsStillBeingHandledIsAConflict() {
        AtomicInteger runs = new AtomicInteger();
        ResponseEntity<String> first = idempotent.once("someone", "key", "same request", () -> {
            runs.incrementAndGet();
            assertThatThrownBy(() -> idempotent.once("someone", "key", "same request", () -> {
                runs.incrementAndGet();
                return ResponseEntity.ok("second");
            }, ResponseEntity::getBody, earlier -> ResponseEntity.ok(earlier.remembered())))
                    .isInstanceOfSatisfying(ErrorResponseException.class,
                            ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
            return ResponseEntity.ok("first");
        }, ResponseEntity::getBody, earlier -> ResponseEntity.ok(earlier.remembered()));

        assertThat(first.getBody()).isEqualTo("first");
        assertThat(runs).hasValue(1);
    }

    @Test
    void concurrentDuplicatesNeverWriteTwice() throws Exception {
        String user = aUser();
        String key = UUID.randomUUID().toString();
        List<Callable<HttpStatus>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sends.add(() -> HttpStatus.valueOf(postEntry(user, key, "Sent at once").getStatus().value()));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpStatus> status : pool.invokeAll(sends)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).contains(HttpStatus.CREATED).allMatch(s -> s == HttpStatus.CREATED || s == HttpStatus.CONFLICT);
        assertThat(entryCount(user)).isEqualTo(1);
    }

    private EntityExchangeResult<JsonNode> postEntry(String user, String key, String words) {
        return http.post().uri("/api/journal/entries").headers(bearer(user)).header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).body(anEntry(words)).exchange()
                .expectBody(JsonNode.class).returnResult();
    }

    private int entryCount(String user) {
        return http.get().uri("/api/journal/entries?size=100").headers(bearer(user)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("items").size();
    }
}
