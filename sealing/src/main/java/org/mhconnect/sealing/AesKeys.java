package org.mhconnect.sealing;

import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** AES-256 keys as settings and files hold them: Base64 of exactly 32 bytes. */
public final class AesKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AesKeys() {
    }

    /**
     * The key a setting holds; {@code name} says which setting in the error, and the value never appears in it.
     *
     * @throws IllegalStateException when the value is not Base64 or not 32 bytes long
     */
    public static SecretKey fromBase64(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(name + " is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** A new random key, as Base64, for a file or a setting. */
    public static String newBase64() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
