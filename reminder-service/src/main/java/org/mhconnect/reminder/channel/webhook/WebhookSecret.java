package org.mhconnect.reminder.channel.webhook;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} followed by the Base64 of the key bytes.
 * The receiver gets the whole string once, when the endpoint is created or its secret rotated, and needs nothing else to
 * check deliveries. New secrets have 32 random bytes; parsed ones may have 24 to 64, as the specification recommends.
 *
 * <p>Neither {@link #toString()} nor any error message contains the secret.
 */
public final class WebhookSecret {

    /** The prefix of every secret, as the specification names it. */
    public static final String PREFIX = "whsec_";

    static final int GENERATED_BYTES = 32;
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /** A new secret of 32 bytes from {@link SecureRandom}. */
    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /**
     * Reads a secret in its {@code whsec_} form.
     *
     * @throws IllegalArgumentException when the text lacks the prefix, is not Base64 after it, or has fewer than 24 or
     *         more than 64 key bytes; the message says which, and never repeats the text
     */
    public static WebhookSecret parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A webhook secret is required");
        }
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret must start with '" + PREFIX + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("A webhook secret must be Base64 after '" + PREFIX + "'");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("A webhook secret must have between " + MIN_BYTES + " and " + MAX_BYTES
                    + " key bytes, this one has " + key.length);
        }
        return new WebhookSecret(key);
    }

    /** The HMAC key: the bytes after {@code whsec_}, decoded. A copy, so the caller may wipe it. */
    public byte[] keyBytes() {
        return key.clone();
    }

    /** The {@code whsec_} form, to show the endpoint's owner once and to keep (encrypted) for signing. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && MessageDigest.isEqual(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[" + key.length + " bytes]";
    }
}
