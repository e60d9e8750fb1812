package org.mhconnect.journal.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.mhconnect.journal.JournalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys that wrap every person's data key, each with an id. One is active and wraps new and rewrapped
 * data keys; the others only unwrap until rotation has moved every data key off them.
 *
 * <p>Keys come from configuration ({@code mhc.journal.encryption.master-keys}, id to Base64 of 32 bytes), which
 * is where a secret store or the environment puts them. When none are configured (the embedded default) a key is
 * generated once into a local file, readable only by its owner, outside the repository.
 */
public final class MasterKeyRing {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRing.class);
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

    private static MasterKeyRing fromLocalFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            Map<String, SecretKey> keys = new LinkedHashMap<>();
            for (String id : stored.stringPropertyNames()) {
                if (!id.equals(ACTIVE)) {
                    keys.put(id, aesKey(id, stored.getProperty(id)));
                }
            }
            return new MasterKeyRing(keys, stored.getProperty(ACTIVE));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The local master key file " + file + " could not be used", ex);
        }
    }

    /**
     * Writes a new key to a private temporary file, then links it into place. The link fails when another instance
     * sharing the directory got there first, and then its key is used: every instance ends up with the same key.
     */
    private static void generate(Path file) throws IOException {
        String id = "local-" + UUID.randomUUID().toString().substring(0, 8);
        Properties generated = new Properties();
        generated.setProperty(id, Base64.getEncoder().encodeToString(Aead.randomKeyBytes()));
        generated.setProperty(ACTIVE, id);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, "master-keys", ".draft");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the directory's own permissions apply.
            }
            try (Writer out = Files.newBufferedWriter(draft)) {
                generated.store(out, "journal-service master keys for this machine only; never commit this file");
            }
            Files.createLink(file, draft);
            log.warn("No master key was configured; generated one for this machine in {}", file.toAbsolutePath());
        }
        catch (java.nio.file.FileAlreadyExistsException anotherInstanceWasFirst) {
            // Use the key the other instance wrote.
        }
        finally {
            Files.deleteIfExists(draft);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Master key '" + id + "' is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Master key '" + id + "' must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
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
