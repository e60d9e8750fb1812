package org.mhconnect.reminder.actions;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.mhconnect.reminder.ReminderProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The one-click links every reminder carries: snooze, skip next, stop, and unsubscribe from e-mail; and the weekly
 * digest's "no more digests" ({@link Action#DIGEST_OFF}, for no reminder or occurrence). Each is a short
 * JWT (HS256, nimbus-jose-jwt) naming the person, the reminder, the occurrence and the action, which expires after
 * {@code mhc.reminder.delivery.action-link-ttl} (7 days). The key is made once and kept in MongoDB, so every instance
 * checks every link.
 */
@Component
public class ActionLinks {

    /** What a link does. */
    public enum Action {
        SNOOZE_15_MINUTES,
        SNOOZE_1_HOUR,
        SNOOZE_TOMORROW,
        SKIP_NEXT,
        STOP,
        UNSUBSCRIBE,
        /** Turns the weekly digest off; its reminder and occurrence are null. */
        DIGEST_OFF,
        /** The person did what the occurrence asked (a push notification's "Done"): its inbox item is read. */
        DONE;

        String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Action fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** A link's verified content. */
    public record Claims(String userId, String reminderId, String occurrenceId, Action action) {
    }

    @Document("settings")
    record Setting(@Id String id, String value) {
    }

    private static final String KEY_ID = "action-link-key";
    private static final JOSEObjectType TYPE = new JOSEObjectType("mhc-action+jwt");

    private final MongoTemplate mongo;
    private final Duration ttl;
    private final String base;
    private final Clock clock;
    private volatile byte[] key;

    ActionLinks(MongoTemplate mongo, ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.ttl = properties.delivery().actionLinkTtl();
        this.base = properties.publicUrl().replaceAll("/+$", "") + "/api/notifications/actions/";
        this.clock = clock;
    }

    public String link(String userId, String reminderId, String occurrenceId, Action action) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).claim("rid", reminderId).claim("occ", occurrenceId)
                .claim("act", action.wire()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
            jwt.sign(new MACSigner(key()));
            return base + jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("An action link could not be signed", ex);
        }
    }

    /**
     * @throws InvalidLinkException when the link was not made here, was changed, or is malformed (400)
     * @throws ExpiredLinkException when it is genuine but too old (410)
     */
    public Claims verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(new MACVerifier(key()))) {
                throw new InvalidLinkException();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                throw new ExpiredLinkException();
            }
            return new Claims(claims.getSubject(), claims.getStringClaim("rid"), claims.getStringClaim("occ"),
                    Action.fromWire(claims.getStringClaim("act")));
        }
        catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException ex) {
            throw new InvalidLinkException();
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        Setting stored = mongo.findById(KEY_ID, Setting.class);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new Setting(KEY_ID, Base64.getEncoder().encodeToString(fresh)));
            }
            catch (DuplicateKeyException ex) {
                // Another instance made it first; theirs is the key.
            }
            stored = mongo.findById(KEY_ID, Setting.class);
        }
        key = Base64.getDecoder().decode(stored.value());
        return key;
    }

    /** Not a link this service made, or one that was changed. */
    public static class InvalidLinkException extends RuntimeException {
        InvalidLinkException() {
            super("invalid action link");
        }
    }

    /** A genuine link that is too old. */
    public static class ExpiredLinkException extends RuntimeException {
        ExpiredLinkException() {
            super("expired action link");
        }
    }
}
