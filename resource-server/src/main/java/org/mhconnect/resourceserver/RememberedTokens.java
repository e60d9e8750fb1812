package org.mhconnect.resourceserver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.mhconnect.tokenrules.AccessTokenRules;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed every check, so a client that sends the same access token many times has its ES256
 * signature verified once, not on every request (it was the largest single cost of a journal write). A token is
 * remembered by its SHA-256 only, for at most a minute and never past its own expiry, which is checked again on
 * every use. A token that fails is never remembered, so a forged one is checked in full every time.
 */
final class RememberedTokens implements JwtDecoder {

    static final Duration AT_MOST = Duration.ofMinutes(1);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    RememberedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfter(Expiry.creating((String key, Jwt jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Jwt remembered = verified.getIfPresent(key);
        if (remembered != null && remembered.getExpiresAt() != null
                && clock.instant().isBefore(remembered.getExpiresAt().plus(AccessTokenRules.CLOCK_SKEW))) {
            return remembered;
        }
        verified.invalidate(key);
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(key, jwt);
        }
        return jwt;
    }

    private Duration lifetime(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** For tests: whether a token is remembered right now. */
    boolean remembers(String token) {
        return verified.getIfPresent(sha256(token)) != null;
    }

}
