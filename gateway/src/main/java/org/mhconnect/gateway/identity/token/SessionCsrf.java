package org.mhconnect.gateway.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The CSRF value of a browser session: an HMAC-SHA256 of the refresh session's id, so the value in the readable
 * {@code mhc_csrf} cookie is good for that session only. A value read or planted from another session (another
 * person's, or an earlier one of the same person) is refused. Nothing is stored: the HMAC key is derived from the
 * key-encryption key, so every gateway instance computes the same value.
 */
@Component
public class SessionCsrf {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    SessionCsrf(KeyEncryption keyEncryption) {
        this.key = new SecretKeySpec(keyEncryption.derive("mhc csrf v1"), ALGORITHM);
    }

    /** The value the {@code mhc_csrf} cookie holds, and the web app repeats, for one session. */
    public String valueFor(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sessionId));
    }

    /** Whether a presented value belongs to this session; compared in constant time. */
    public boolean matches(String sessionId, String presented) {
        if (sessionId == null || sessionId.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(valueFor(sessionId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String sessionId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }
}
