package org.mhconnect.journal.crypto;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.mhconnect.journal.JournalProperties;
import org.mhconnect.sealing.AesKeys;
import org.mhconnect.sealing.LocalKeyFile;

/**
 * The master keys that wrap every person's data key, each with an id. One is active and wraps new and rewrapped
 * data keys; the others only unwrap until rotation has moved every data key off them.
 *
 * <p>Keys come from configuration ({@code mhc.journal.encryption.master-keys}, id to Base64 of 32 bytes), which
 * is where a secret store or the environment puts them. When none are configured (the embedded default) a key is
 * generated once into a local file, readable only by its owner, outside the repository (the {@code sealing}
 * module's {@link LocalKeyFile}).
 */
public final class MasterKeyRing {

    private static final String ACTIVE = "active";

    private final Map<String, SecretKey> keys;
    private final String activeId;

    MasterKeyRing(Map<String, SecretKey> keys, String activeId) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalStateException("The active master key '" + activeId + "' is not among the configured keys");
        }
        this.keys = Map.copyOf(keys);
        this.activeId = activeId;
    }

    static MasterKeyRing from(JournalProperties.Encryption settings) {
        if (!settings.masterKeys().isEmpty()) {
            Map<String, SecretKey> keys = new LinkedHashMap<>();
            settings.masterKeys().forEach((id, base64) -> keys.put(id, aesKey(id, base64)));
            String active = settings.activeKeyId() != null ? settings.activeKeyId()
                    : keys.size() == 1 ? keys.keySet().iterator().next() : null;
            if (active == null) {
                throw new IllegalStateException("Several master keys are configured; set mhc.journal.encryption.active-key-id");
            }
            return new MasterKeyRing(keys, active);
        }
        return fromLocalFile(settings.localKeyFile());
    }

    /**
     * The local key file ({@link LocalKeyFile}): one generated key, its id under {@code active}. Instances sharing the
     * folder end up with the same key.
     */
    private static MasterKeyRing fromLocalFile(Path file) {
        Properties stored = LocalKeyFile.loadOrCreate(file, "journal-service master key", () -> {
            String id = "local-" + UUID.randomUUID().toString().substring(0, 8);
            Properties generated = new Properties();
            generated.setProperty(id, AesKeys.newBase64());
            generated.setProperty(ACTIVE, id);
            return generated;
        });
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String id : stored.stringPropertyNames()) {
            if (!id.equals(ACTIVE)) {
                keys.put(id, aesKey(id, stored.getProperty(id)));
            }
        }
        return new MasterKeyRing(keys, LocalKeyFile.required(stored, ACTIVE, file));
    }

    private static SecretKey aesKey(String id, String base64) {
        return AesKeys.fromBase64("Master key '" + id + "'", base64);
    }

    String activeId() {
        return activeId;
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    SecretKey get(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Master key '" + id + "' is needed to unwrap a data key but is not configured");
        }
        return key;
    }
}
