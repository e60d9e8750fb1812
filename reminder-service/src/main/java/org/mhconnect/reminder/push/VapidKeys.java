package org.mhconnect.reminder.push;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The deployment's VAPID identity (RFC 8292): one P-256 key pair, made by the first instance that needs it and kept
 * sealed in MongoDB ({@code push_keys}, {@code _id} "vapid"). Instances that start together each try to insert theirs
 * under that one {@code _id}; the losers read the winner's, so every instance signs with the same key and the
 * browsers' subscriptions (bound to the public key) stay valid.
 */
@Component
class VapidKeys {

    static final String ID = "vapid";
    /** Push services refuse a VAPID token valid for longer than a day; ours lasts twelve hours. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final MongoTemplate mongo;
    private final SealingKey sealing;
    private final String subject;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(String publicKey, ECPrivateKey privateKey) {
    }

    VapidKeys(MongoTemplate mongo, ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.sealing = SealingKey.from(properties.push());
        this.subject = properties.push().subject();
        this.clock = clock;
    }

    /** The public key, as {@code PushManager.subscribe} takes it ({@code applicationServerKey}): Base64url. */
    String publicKey() {
        return load().publicKey();
    }

    /** {@code vapid t=<JWT>, k=<public key>}, for a request to this push service endpoint. */
    String authorization(URI endpoint) {
        Loaded keys = load();
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience).subject(subject)
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(keys.privateKey()));
            return "vapid t=" + jwt.serialize() + ", k=" + keys.publicKey();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("The VAPID token could not be signed", ex);
        }
    }

    private Loaded load() {
        Loaded known = loaded;
        if (known != null) {
            return known;
        }
        VapidKeyDocument stored = mongo.findById(ID, VapidKeyDocument.class);
        if (stored == null) {
            KeyPair pair = P256.generate();
            String publicKey = P256.base64Url(P256.encode((ECPublicKey) pair.getPublic()));
            try {
                mongo.insert(new VapidKeyDocument(ID, publicKey, sealing.seal(label(publicKey), pair.getPrivate().getEncoded()),
                        clock.instant()));
            }
            catch (DuplicateKeyException anotherInstanceWasFirst) {
                // Theirs is the key.
            }
            stored = mongo.findById(ID, VapidKeyDocument.class);
        }
        try {
            byte[] pkcs8 = sealing.open(label(stored.publicKey()), stored.sealedPrivateKey());
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            loaded = new Loaded(stored.publicKey(), privateKey);
            return loaded;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("The stored VAPID private key cannot be read", ex);
        }
    }

    private static String label(String publicKey) {
        return "vapid/" + publicKey;
    }
}
