package org.mhconnect.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one way the gateway fingerprints a secret (refresh tokens, e-mail links, cached access tokens). */
public final class Sha256 {

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }

    private Sha256() {
    }
}
