package org.mhconnect.journal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One person's data key, unwrapped, in memory only. It seals their private fields with AES-256-GCM and derives
 * blind tokens for their custom tags, so a tag can be filtered on without being stored in the clear.
 */
public final class DataKey {

    private final String userId;
    private final SecretKey key;
    private final SecretKey tagKey;

    DataKey(String userId, SecretKey key) {
        this.userId = userId;
        this.key = key;
        this.tagKey = new SecretKeySpec(hmac(new SecretKeySpec(key.getEncoded(), "HmacSHA256"), "tag-index"), "HmacSHA256");
    }

    /** Seals a value; {@code purpose} and {@code id} say where it belongs and must be the same to open it. */
    public byte[] seal(String purpose, String id, byte[] plaintext) {
        return Aead.seal(key, plaintext, associatedData(purpose, id));
    }

    public byte[] open(String purpose, String id, byte[] sealed) {
        return Aead.open(key, sealed, associatedData(purpose, id));
    }

    /** A deterministic, keyed token for a normalised custom tag: equal tags give equal tokens, for this person only. */
    public String tagToken(String normalizedTag) {
        byte[] mac = hmac(tagKey, normalizedTag);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, 22);
    }

    private byte[] associatedData(String purpose, String id) {
        return (purpose + '\0' + userId + '\0' + id).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(SecretKey key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "DataKey[" + userId + "]";
    }
}
