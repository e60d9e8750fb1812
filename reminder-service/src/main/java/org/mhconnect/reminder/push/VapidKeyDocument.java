package org.mhconnect.reminder.push;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The deployment's VAPID key pair. {@code publicKey} is the uncompressed P-256 point, Base64url (public by nature);
 * {@code sealedPrivateKey} is the PKCS#8 private key sealed by {@link SealingKey} with {@code vapid/<publicKey>} as
 * associated data. Never in plain text.
 */
@Document("push_keys")
record VapidKeyDocument(@Id String id, String publicKey, String sealedPrivateKey, Instant createdAt) {
}
