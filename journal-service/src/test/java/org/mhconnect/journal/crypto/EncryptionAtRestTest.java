package org.mhconnect.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.bearer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.mhconnect.idempotency.IdempotencyKey;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.journal.entry.EntryRequest;
import org.mhconnect.journal.entry.EntryView;
import org.mhconnect.journal.entry.Reframe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What a person writes is stored only as AES-256-GCM ciphertext under their own data key, and the data key only
 * wrapped by the master key. Reading the raw database finds none of the words; destroying the key makes even a
 * restored backup unreadable.
 */
@JournalIntegrationTest
class EncryptionAtRestTest {

    static final String TITLE = "Marmalade Thursday";
    static final String BODY = "Saffron lanterns over the quiet harbour";
    static final String CRITIC = "Nobody wants your porcupine opinions";
    static final String FRIEND = "Your porcupine opinions are thoughtful";
    static final String KINDER = "Spiky ideas can still be gentle";
    static final String TAG = "zeppelin-club";

    @Autowired
    RestTestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DataKeys dataKeys;

    @Test
    void theRawDatabaseHoldsNoneOfTheWords() {
        String user = aUser();
        EntryView saved = write(user);

        List<String> everything = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            mongo.findAll(Document.class, collection).forEach(doc -> everything.add(rawText(doc)));
        }
        String database = String.join("\n", everything);
        for (String words : List.of(TITLE, BODY, CRITIC, FRIEND, KINDER, TAG, "Saffron", "porcupine", "zeppelin")) {
            assertThat(database).as("the raw database").doesNotContainIgnoringCase(words);
        }
        Document stored = mongo.findById(saved.id(), Document.class, "entries");
        assertThat(stored.get("sealed")).isInstanceOf(Binary.class);
        assertThat(stored.getInteger("mood")).isEqualTo(3);
    }

    @Test
    void theDataKeyIsStoredOnlyWrappedAndNamesItsMasterKey() {
        String user = aUser();
        write(user);

        Document key = mongo.findById(user, Document.class, DataKeys.COLLECTION);
        assertThat(key.getString("masterKeyId")).isEqualTo("test-run");
        // 1 version byte + 12 nonce + 32 key + 16 tag: a wrapped key, not a bare one.
        assertThat(key.get("wrapped", Binary.class).getData()).hasSize(61);
    }

    @Test
    void anEntrySentAgainWithItsIdempotencyKeyIsStoredOnceSealedAndItsKeyKeepsNoWords() {
        String user = aUser();
        String key = UUID.randomUUID().toString();

        // The very same request twice, as the web app sends an entry kept on a device while offline.
        LocalDateTime writtenAt = LocalDateTime.now(ZoneId.of("Europe/Berlin")).minusHours(1);
        EntryView first = write(user, key, writtenAt);
        EntryView again = write(user, key, writtenAt);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.body()).isEqualTo(BODY);
        assertThat(mongo.count(Query.query(Criteria.where("userId").is(user)), "entries")).isEqualTo(1);
        assertThat(mongo.findById(first.id(), Document.class, "entries").get("sealed")).isInstanceOf(Binary.class);
        List<Document> keys = mongo.find(Query.query(Criteria.where("userId").is(user)), Document.class, "idempotency_keys");
        assertThat(keys).hasSize(1);
        String kept = rawText(keys.getFirst());
        assertThat(kept).as("what the key keeps").contains(first.id());
        for (String words : List.of(TITLE, BODY, CRITIC, FRIEND, KINDER, TAG, "Saffron", "porcupine", "zeppelin")) {
            assertThat(kept).as("what the key keeps").doesNotContainIgnoringCase(words);
        }
    }

    @Test
    void aSealedEntryCopiedToAnotherEntryDoesNotOpen() {
        String user = aUser();
        EntryView first = write(user);
        EntryView second = write(user);
        Binary sealed = mongo.findById(first.id(), Document.class, "entries").get("sealed", Binary.class);

        mongo.getCollection("entries").updateOne(new Document("_id", second.id()),
                new Document("$set", new Document("sealed", sealed)));

        http.get().uri("/api/journal/entries/{id}", second.id()).headers(bearer(user)).exchange()
                .expectStatus().is5xxServerError()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Saffron"));
    }

    @Test
    void erasingTheKeyMakesARestoredBackupUnreadable() {
        String user = aUser();
        EntryView saved = write(user);
        Document backup = mongo.findById(saved.id(), Document.class, "entries");
        DataKey before = dataKeys.forReading(user).orElseThrow();

        dataKeys.destroy(user);
        mongo.remove(Query.query(Criteria.where("_id").is(saved.id())), "entries");
        mongo.insert(backup, "entries");

        assertThat(dataKeys.forReading(user)).isEmpty();
        http.get().uri("/api/journal/entries/{id}", saved.id()).headers(bearer(user)).exchange()
                .expectStatus().isNotFound();
        // A new key for the same person opens nothing sealed under the old one.
        DataKey fresh = dataKeys.forWriting(user);
        byte[] sealed = backup.get("sealed", Binary.class).getData();
        assertThat(before.open("entry", saved.id(), sealed)).isNotEmpty();
        assertThatThrownBy(() -> fresh.open("entry", saved.id(), sealed)).isInstanceOf(UnreadableDataException.class);
    }

    private EntryView write(String user) {
        return write(user, null, LocalDateTime.now(ZoneId.of("Europe/Berlin")).minusHours(1));
    }

    /** Writes the entry, with an Idempotency-Key when one is given. */
    private EntryView write(String user, String idempotencyKey, LocalDateTime writtenAt) {
        return http.post().uri("/api/journal/entries").headers(bearer(user))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set(IdempotencyKey.HEADER, idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(new EntryRequest(writtenAt, "Europe/Berlin", TITLE,
                        BODY, 3, List.of("calm"), List.of(TAG), null, new Reframe(CRITIC, FRIEND, KINDER), null))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(EntryView.class).returnResult().getResponseBody();
    }

    /** Every string and every byte array of a document, as text, however deeply nested. */
    private static String rawText(Object value) {
        return switch (value) {
            case Document doc -> String.join(" ", doc.values().stream().map(EncryptionAtRestTest::rawText).toList());
            case List<?> list -> String.join(" ", list.stream().map(EncryptionAtRestTest::rawText).toList());
            case Binary binary -> new String(binary.getData(), StandardCharsets.ISO_8859_1);
            case byte[] bytes -> new String(bytes, StandardCharsets.ISO_8859_1);
            case null -> "";
            default -> value.toString();
        };
    }
}
