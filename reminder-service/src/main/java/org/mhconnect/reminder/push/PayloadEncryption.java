package org.mhconnect.reminder.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188), with the JDK alone:
 * a fresh P-256 key pair and a random 16-byte salt per message; ECDH with the browser's {@code p256dh} key; HKDF-SHA256
 * mixing in the browser's {@code auth} secret; AES-128-GCM over one record. The body is the RFC 8188 header
 * ({@code salt | record size | key id length | our public key}) followed by that record.
 */
final class PayloadEncryption {

    /** The record size announced in the header; one record holds the whole message. */
    static final int RECORD_SIZE = 4096;
    /** The most plaintext one record holds: the record size less the 16-byte tag and the 1-byte delimiter. */
    static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PayloadEncryption() {
    }

    static byte[] encrypt(byte[] plaintext, ECPublicKey browserKey, byte[] authSecret) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("A push message holds at most " + MAX_PLAINTEXT + " bytes");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, browserKey, authSecret, P256.generate(), salt);
    }

    static byte[] encrypt(byte[] plaintext, ECPublicKey browserKey, byte[] authSecret, KeyPair ours, byte[] salt) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(ours.getPrivate());
            agreement.doPhase(browserKey, true);
            byte[] ecdhSecret = agreement.generateSecret();
            byte[] browserPoint = P256.encode(browserKey);
            byte[] ourPoint = P256.encode((ECPublicKey) ours.getPublic());

            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserPoint, ourPoint);
            byte[] ikm = expand(hmac(authSecret, ecdhSecret), keyInfo, 32);
            byte[] prk = hmac(salt, ikm);
            byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // 0x02: the last (and only) record, with no padding after it.
            byte[] record = cipher.doFinal(concat(plaintext, new byte[] {2}));
            return ByteBuffer.allocate(16 + 4 + 1 + ourPoint.length + record.length)
                    .put(salt).putInt(RECORD_SIZE).put((byte) ourPoint.length).put(ourPoint).put(record).array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("The push message could not be encrypted", ex);
        }
    }

    /** HKDF-Expand (RFC 5869) for lengths up to one hash: the first bytes of HMAC(prk, info | 0x01). */
    static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }
}
