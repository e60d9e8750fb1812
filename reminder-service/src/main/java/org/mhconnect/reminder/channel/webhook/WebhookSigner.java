package org.mhconnect.reminder.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery by the Standard Webhooks specification: the signature is {@code v1,} and the Base64 of
 * HMAC-SHA256, keyed with the secret's bytes, over the UTF-8 of {@code "<id>.<timestamp>.<body>"}, the timestamp in
 * Unix seconds. While a secret is being rotated a delivery carries one signature per secret, separated by spaces, and
 * a receiver that knows either secret accepts it.
 *
 * <p>The body must be signed exactly as it is sent: the same characters, encoded as UTF-8.
 */
public final class WebhookSigner {

    /** The message id header; the same on every attempt of one message, so receivers can drop repeats. */
    public static final String ID = "webhook-id";
    /** The attempt's time in Unix seconds; receivers refuse one too far from their clock. */
    public static final String TIMESTAMP = "webhook-timestamp";
    /** One or more space-separated {@code v1,<base64>} signatures. */
    public static final String SIGNATURE = "webhook-signature";

    private static final String HMAC_SHA256 = "HmacSHA256";

    /**
     * The three Standard Webhooks headers for one attempt, in the order id, timestamp, signature.
     *
     * @param msgId the message id, the same for every attempt of one message
     * @param timestamp when this attempt is made; sub-second parts are dropped
     * @param secrets the endpoint's current secrets, at least one; several while one is being rotated
     */
    public Map<String, String> headers(String msgId, Instant timestamp, String body, List<WebhookSecret> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook secret is needed to sign a delivery");
        }
        StringJoiner signatures = new StringJoiner(" ");
        for (WebhookSecret secret : secrets) {
            signatures.add(signature(msgId, timestamp, body, secret));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, msgId);
        headers.put(TIMESTAMP, Long.toString(timestamp.getEpochSecond()));
        headers.put(SIGNATURE, signatures.toString());
        return Collections.unmodifiableMap(headers);
    }

    /** One {@code v1,<base64>} signature of a delivery with one secret. */
    public String signature(String msgId, Instant timestamp, String body, WebhookSecret secret) {
        requireHeaderSafe(msgId);
        String signed = msgId + '.' + timestamp.getEpochSecond() + '.' + body;
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.keyBytes(), HMAC_SHA256));
            byte[] digest = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static void requireHeaderSafe(String msgId) {
        if (msgId == null || msgId.isBlank()) {
            throw new IllegalArgumentException("A webhook message id is required");
        }
        for (int i = 0; i < msgId.length(); i++) {
            char c = msgId.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("A webhook message id must be printable ASCII without spaces");
            }
        }
    }
}
