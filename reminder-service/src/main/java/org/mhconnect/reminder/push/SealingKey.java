package org.mhconnect.reminder.push;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mhconnect.reminder.ReminderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the VAPID private key for MongoDB, as the gateway seals its signing keys: AES-256-GCM under a key-encryption
 * key, a fresh 96-bit nonce each time, and a label as associated data (a sealed value copied under another label does
 * not open). The sealed form is {@code version (1) | nonce | ciphertext + tag}, Base64.
 *
 * <p>The key-encryption key is {@code mhc.reminder.push.key-encryption-key} (Base64 of 32 bytes, from a secret store
 * or the environment). Without it, one is generated once into {@code key-encryption-key-file} (0600): written to a
 * private draft and hard-linked into place, so instances sharing the folder that race to create it end up with one key.
 */
final class SealingKey {

    private static final Logger log = LoggerFactory.getLogger(SealingKey.class);
    private static final String PROPERTY = "key-encryption-key";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SealingKey(SecretKey key) {
        this.key = key;
    }

    static SealingKey from(ReminderProperties.Push settings) {
        if (settings.keyEncryptionKey() != null && !settings.keyEncryptionKey().isBlank()) {
            return new SealingKey(aesKey(settings.keyEncryptionKey()));
        }
        Path file = settings.keyEncryptionKeyFile();
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            String base64 = stored.getProperty(PROPERTY);
            if (base64 == null) {
                throw new IllegalStateException("The push key-encryption key file " + file + " has no " + PROPERTY);
            }
            return new SealingKey(aesKey(base64));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The push key-encryption key file " + file + " could not be used", ex);
        }
    }

    String seal(String label, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    byte[] open(String label, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            throw new IllegalStateException("The stored VAPID key is not in a form this version reads");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        }
        catch (javax.crypto.AEADBadTagException ex) {
            throw new IllegalStateException("The stored VAPID key does not open with the configured key-encryption key"
                    + " (mhc.reminder.push.key-encryption-key or its file)", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Properties generated = new Properties();
        generated.setProperty(PROPERTY, Base64.getEncoder().encodeToString(bytes));
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, "push-key-encryption-key", ".draft");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
            try (Writer out = Files.newBufferedWriter(draft)) {
                generated.store(out, "reminder-service push key-encryption key for this machine only; never commit it");
            }
            Files.createLink(file, draft);
            log.warn("No push key-encryption key was configured; generated one for this machine in {}", file.toAbsolutePath());
        }
        catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // The other instance's key is the key.
        }
        finally {
            Files.deleteIfExists(draft);
        }
    }

    private static SecretKey aesKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("The push key-encryption key is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The push key-encryption key must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
