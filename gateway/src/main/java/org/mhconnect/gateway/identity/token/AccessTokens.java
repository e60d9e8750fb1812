package org.mhconnect.gateway.identity.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.account.AccountDocument;
import org.mhconnect.tokenrules.AccessTokenRules;
import org.springframework.stereotype.Component;

/**
 * Mints access tokens: ES256, {@code kid} of the current signing key, {@code typ} {@code at+jwt} (RFC 9068),
 * the configured issuer and audience, the account id as subject and its roles. They live ten minutes by
 * default and never carry anything private.
 */
@Component
public class AccessTokens {

    /** The claim naming the refresh session a token was issued in. */
    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final GatewayProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, GatewayProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A token for a person in one refresh session; {@code sid} names the session, so that the edge can bind the
     * browser's CSRF value to it (see {@link SessionCsrf}).
     */
    public IssuedToken mint(AccountDocument account, String sessionId) {
        ECKey key = keys.signingKey();
        Instant now = clock.instant();
        Instant expiry = now.plus(properties.identity().accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.identity().issuer())
                .audience(List.of(properties.identity().audience()))
                .subject(account.id())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", account.roles().stream().map(Enum::name).sorted().toList())
                .claim(SESSION_CLAIM, sessionId)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(AccessTokenRules.TYPE).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign an access token", ex);
        }
        return new IssuedToken(jwt.serialize(), expiry);
    }

    /** A signed token and when it expires. */
    public record IssuedToken(String value, Instant expiresAt) {
    }
}
