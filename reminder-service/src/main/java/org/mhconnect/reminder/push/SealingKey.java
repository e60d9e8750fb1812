package org.mhconnect.reminder.push;

import java.nio.file.Path;
import java.util.Properties;

import javax.crypto.SecretKey;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.sealing.AesKeys;
import org.mhconnect.sealing.LocalKeyFile;
import org.mhconnect.sealing.Sealer;

/**
 * Seals the VAPID private key for MongoDB, as the gateway seals its signing keys: the {@code sealing} module's
 * {@link Sealer}, with a label (a sealed value copied under another label does not open).
 *
 * <p>The key-encryption key is {@code mhc.reminder.push.key-encryption-key} (Base64 of 32 bytes, from a secret store
 * or the environment). Without it, one is generated once into {@code key-encryption-key-file} ({@link LocalKeyFile}:
 * 0600, one key for every instance sharing the folder).
 */
final class SealingKey {

    private static final String PROPERTY = "key-encryption-key";
    private static final String SETTING = "mhc.reminder.push.key-encryption-key";

    private final Sealer sealer;

    SealingKey(SecretKey key) {
        this.sealer = new Sealer(key);
    }

    static SealingKey from(ReminderProperties.Push settings) {
        if (settings.keyEncryptionKey() != null && !settings.keyEncryptionKey().isBlank()) {
            return new SealingKey(AesKeys.fromBase64(SETTING, settings.keyEncryptionKey()));
        }
        Path file = settings.keyEncryptionKeyFile();
        Properties stored = LocalKeyFile.loadOrCreate(file, "reminder-service push key-encryption key", () -> {
            Properties generated = new Properties();
            generated.setProperty(PROPERTY, AesKeys.newBase64());
            return generated;
        });
        return new SealingKey(AesKeys.fromBase64("The push key-encryption key in " + file,
                LocalKeyFile.required(stored, PROPERTY, file)));
    }

    String seal(String label, byte[] secret) {
        return sealer.seal(label, secret);
    }

    byte[] open(String label, String sealed) {
        try {
            return sealer.open(label, sealed);
        }
        catch (Sealer.Unreadable ex) {
            throw new IllegalStateException("The stored VAPID key does not open with the configured key-encryption key"
                    + " (" + SETTING + " or its file)", ex);
        }
    }
}
