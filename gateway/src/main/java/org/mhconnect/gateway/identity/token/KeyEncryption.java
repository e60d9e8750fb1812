package org.mhconnect.gateway.identity.token;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import javax.crypto.SecretKey;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.sealing.AesKeys;
import org.mhconnect.sealing.LocalKeyFile;
import org.mhconnect.sealing.Sealer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Seals the private signing keys for storage with the {@code sealing} module's {@link Sealer}, the signing key's
 * {@code kid} as the label, so a sealed key copied under another {@code kid} does not open.
 *
 * <p>The key-encryption key comes from {@code mhc.gateway.identity.key-encryption-key} (Base64 of 32 bytes, from a
 * secret store or the environment). Without it, as journal-service does for its master key, one is generated once
 * into {@code key-encryption-key-file} ({@link LocalKeyFile}: 0600, one key for every instance sharing the folder).
 */
@Component
class KeyEncryption {

    private static final String PROPERTY = "key-encryption-key";
    private static final String SETTING = "mhc.gateway.identity.key-encryption-key";

    private final Sealer sealer;

    @Autowired
    KeyEncryption(GatewayProperties properties) {
        this(keyFrom(properties.identity()));
    }

    KeyEncryption(SecretKey key) {
        this.sealer = new Sealer(key);
    }

    String seal(String kid, String privateJwk) {
        return sealer.seal(kid, privateJwk.getBytes(StandardCharsets.UTF_8));
    }

    String open(String kid, String sealed) {
        try {
            return new String(sealer.open(kid, sealed), StandardCharsets.UTF_8);
        }
        catch (Sealer.Unreadable ex) {
            throw new IllegalStateException("Signing key " + kid + " does not open with the configured key-encryption key"
                    + " (" + SETTING + " or its file)", ex);
        }
    }

    /** A key for another purpose, derived from the key-encryption key (see {@link Sealer#derive}). */
    byte[] derive(String purpose) {
        return sealer.derive(purpose);
    }

    static SecretKey keyFrom(GatewayProperties.Identity settings) {
        if (settings.keyEncryptionKey() != null && !settings.keyEncryptionKey().isBlank()) {
            return AesKeys.fromBase64(SETTING, settings.keyEncryptionKey());
        }
        Path file = settings.keyEncryptionKeyFile();
        Properties stored = LocalKeyFile.loadOrCreate(file, "gateway key-encryption key", () -> {
            Properties generated = new Properties();
            generated.setProperty(PROPERTY, AesKeys.newBase64());
            return generated;
        });
        return AesKeys.fromBase64("The key-encryption key in " + file, LocalKeyFile.required(stored, PROPERTY, file));
    }
}
