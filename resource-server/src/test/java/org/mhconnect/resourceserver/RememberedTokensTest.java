package org.mhconnect.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A verified token is remembered briefly; a refused one never is, and expiry always wins. */
class RememberedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    final List<String> verifiedTokens = new ArrayList<>();
    MutableClock clock = new MutableClock(NOW);

    /** Stands in for the signature check: "good-*" tokens pass and live 10 minutes, anything else fails. */
    final JwtDecoder verifier = token -> {
        verifiedTokens.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("refused");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("person")
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofMinutes(10))).build();
    };

    @Test
    void aTokenUsedAgainIsVerifiedOnce() {
        RememberedTokens tokens = new RememberedTokens(verifier, clock);

        tokens.decode("good-1");
        tokens.decode("good-1");
        tokens.decode("good-1");

        assertThat(verifiedTokens).containsExactly("good-1");
        assertThat(tokens.remembers("good-1")).isTrue();
    }

    @Test
    void aRefusedTokenIsCheckedInFullEveryTime() {
        RememberedTokens tokens = new RememberedTokens(verifier, clock);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedTokens).containsExactly("forged", "forged");
        assertThat(tokens.remembers("forged")).isFalse();
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        RememberedTokens tokens = new RememberedTokens(verifier, clock);
        tokens.decode("good-2");

        clock.now = NOW.plus(Duration.ofMinutes(11));
        tokens.decode("good-2");

        assertThat(verifiedTokens).containsExactly("good-2", "good-2");
    }

    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
