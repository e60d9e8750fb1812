package org.mhconnect.journal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhconnect.journal.JournalProperties;
import org.mhconnect.journal.TestMasterKey;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The master key can be rotated without losing anyone's journal: data keys wrapped by the old key still open, and
 * are rewrapped under the new one, after which the old key can be retired.
 */
class MasterKeyRotationTest {

    static MongoClient client;
    MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
    }

    @BeforeEach
    void aDatabaseOfItsOwn() {
        mongo = new MongoTemplate(client, "journal-rotation-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void drop() {
        mongo.getDb().drop();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void dataKeysWrappedByARetiringKeyAreRewrappedUnderTheNewOne() {
        String oldKey = TestMasterKey.randomKey();
        String newKey = TestMasterKey.randomKey();
        String user = UUID.randomUUID().toString();
        DataKeys before = dataKeys(Map.of("k1", oldKey), "k1");
        byte[] sealed = before.forWriting(user).seal("entry", "e1", "words".getBytes(StandardCharsets.UTF_8));

        DataKeys during = dataKeys(Map.of("k1", oldKey, "k2", newKey), "k2");
        assertThat(during.rewrapAll()).isEqualTo(1);
        assertThat(mongo.findById(user, Document.class, DataKeys.COLLECTION).getString("masterKeyId")).isEqualTo("k2");

        DataKeys after = dataKeys(Map.of("k2", newKey), "k2");
        assertThat(new String(after.forReading(user).orElseThrow().open("entry", "e1", sealed), StandardCharsets.UTF_8))
                .isEqualTo("words");
    }

    @Test
    void aKeyThatIsReadIsRewrappedOnTheWay() {
        String oldKey = TestMasterKey.randomKey();
        String newKey = TestMasterKey.randomKey();
        String user = UUID.randomUUID().toString();
        dataKeys(Map.of("k1", oldKey), "k1").forWriting(user);

        dataKeys(Map.of("k1", oldKey, "k2", newKey), "k2").forReading(user);

        assertThat(mongo.findById(user, Document.class, DataKeys.COLLECTION).getString("masterKeyId")).isEqualTo("k2");
    }

    @Test
    void withoutTheMasterKeyThatWrappedItADataKeyCannotBeOpened() {
        String user = UUID.randomUUID().toString();
        dataKeys(Map.of("k1", TestMasterKey.randomKey()), "k1").forWriting(user);

        DataKeys wrongRing = dataKeys(Map.of("k1", TestMasterKey.randomKey()), "k1");
        assertThatThrownBy(() -> wrongRing.forReading(user)).isInstanceOf(UnreadableDataException.class);
    }

    @Test
    void withoutConfiguredKeysAMachineLocalKeyIsGeneratedOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/master-keys.properties");
        JournalProperties.Encryption settings = new JournalProperties.Encryption(Map.of(), null, file, Duration.ofMinutes(5));

        MasterKeyRing first = MasterKeyRing.from(settings);
        MasterKeyRing second = MasterKeyRing.from(settings);

        assertThat(first.activeId()).isEqualTo(second.activeId()).startsWith("local-");
        assertThat(first.active().getEncoded()).isEqualTo(second.active().getEncoded());
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aMasterKeyOfTheWrongLengthStopsTheServiceFromStarting() {
        JournalProperties.Encryption settings = new JournalProperties.Encryption(Map.of("short", "c2hvcnQ="), null,
                Path.of("unused"), Duration.ofMinutes(5));

        assertThatThrownBy(() -> MasterKeyRing.from(settings)).hasMessageContaining("32 bytes");
    }

    private DataKeys dataKeys(Map<String, String> keys, String active) {
        JournalProperties properties = new JournalProperties(null, null,
                new JournalProperties.Encryption(keys, active, Path.of("unused"), Duration.ofMinutes(5)), null, null);
        return new DataKeys(mongo, MasterKeyRing.from(properties.encryption()), Clock.systemUTC(), properties);
    }
}
