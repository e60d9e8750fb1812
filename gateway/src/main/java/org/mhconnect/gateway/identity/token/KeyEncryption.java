package org.mhconnect.gateway.identity.token;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mhconnect.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals the private signing keys for storage: AES-256-GCM under the key-encryption key, a fresh 96-bit nonce each
 * time, and the signing key's {@code kid} as associated data, so a sealed key copied under another {@code kid} does
 * not open. The sealed form is {@code version (1) | nonce | ciphertext + tag}, Base64.
 *
 * <p>The key-encryption key comes from {@code mhc.gateway.identity.key-encryption-key} (Base64 of 32 bytes, from a
 * secret store or the environment). Without it, as journal-service does for its master key, one is generated once
 * into {@code key-encryption-key-file} (0600), written to a private draft and hard-linked into place, so instances
 * that share the folder and race to create it all end up with the same key.
 */
@Component
class KeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    private static final String PROPERTY = "key-encryption-key";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Autowired
    KeyEncryption(GatewayProperties properties) {
        this(keyFrom(properties.identity()));
    }

    KeyEncryption(SecretKey key) {
        this.key = key;
    }

    String seal(String kid, String privateJwk) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    String open(String kid, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            throw unreadable(kid, null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException ex) {
            throw unreadable(kid, ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    /**
     * A key for another purpose, derived from the key-encryption key (HMAC-SHA256 of the purpose's name), so one
     * configured secret serves both and the derived key says nothing about the key it came from.
     */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    private static IllegalStateException unreadable(String kid, Exception cause) {
        return new IllegalStateException("Signing key " + kid + " does not open with the configured key-encryption key"
                + " (mhc.gateway.identity.key-encryption-key or its file)", cause);
    }

    static SecretKey keyFrom(GatewayProperties.Identity settings) {
        if (settings.keyEncryptionKey() != null && !settings.keyEncryptionKey().isBlank()) {
            return aesKey(settings.keyEncryptionKey());
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
                throw new IllegalStateException("The key-encryption key file " + file + " has no " + PROPERTY);
            }
            return aesKey(base64);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The key-encryption key file " + file + " could not be used", ex);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Properties generated = new Properties();
        generated.setProperty(PROPERTY, Base64.getEncoder().encodeToString(bytes));
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, "key-encryption-key", ".draft");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
            try (Writer out = Files.newBufferedWriter(draft)) {
                generated.store(out, "gateway key-encryption key for this machine only; never commit this file");
            }
            Files.createLink(file, draft);
            log.warn("No key-encryption key was configured; generated one for this machine in {}", file.toAbsolutePath());
        }
        catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // Use the key the other instance wrote.
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
            throw new IllegalStateException("The key-encryption key is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The key-encryption key must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
