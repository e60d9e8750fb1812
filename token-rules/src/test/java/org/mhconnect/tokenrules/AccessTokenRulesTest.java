package org.mhconnect.tokenrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenRulesTest {

    static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");
    static final OAuth2TokenValidator<Jwt> RULES = AccessTokenRules.claims("https://mhc.example", "mhc-api",
            Clock.fixed(NOW, ZoneOffset.UTC));

    static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "ES256").header("typ", "at+jwt")
                .issuer("https://mhc.example").audience(List.of("mhc-api"))
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(540));
    }

    @Test
    void aTokenOfOurIssuerForOurAudienceWithinItsLifeIsAccepted() {
        assertThat(RULES.validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void anotherIssuerIsRefused() {
        assertThat(RULES.validate(token().issuer("https://elsewhere.example").build()).hasErrors()).isTrue();
    }

    @Test
    void anotherAudienceIsRefused() {
        assertThat(RULES.validate(token().audience(List.of("someone-else")).build()).hasErrors()).isTrue();
    }

    @Test
    void aTokenWithoutAnAudienceIsRefused() {
        assertThat(RULES.validate(token().claims(claims -> claims.remove("aud")).build()).hasErrors()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheClockSkewHasPassed() {
        Instant expired = NOW.minus(AccessTokenRules.CLOCK_SKEW).minusSeconds(1);
        assertThat(RULES.validate(token().issuedAt(expired.minusSeconds(600)).expiresAt(expired).build()).hasErrors())
                .isTrue();
    }

    @Test
    void aTokenThatExpiredWithinTheClockSkewIsStillAccepted() {
        Instant justExpired = NOW.minusSeconds(2);
        assertThat(RULES.validate(token().issuedAt(justExpired.minusSeconds(600)).expiresAt(justExpired).build())
                .hasErrors()).isFalse();
    }

    @Test
    void onlyTheAccessTokenTypeIsAccepted() {
        var verifier = AccessTokenRules.<SecurityContext>typeVerifier();
        assertThatNoException().isThrownBy(() -> verifier.verify(new JOSEObjectType("at+jwt"), null));
        assertThatThrownBy(() -> verifier.verify(JOSEObjectType.JWT, null)).isInstanceOf(BadJOSEException.class);
        assertThatThrownBy(() -> verifier.verify(null, null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void rolesBecomeRoleAuthoritiesAndATokenWithoutRolesHasNone() {
        assertThat(AccessTokenRules.authorities(token().claim("roles", List.of("USER", "EDITOR")).build()))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_USER", "ROLE_EDITOR");
        assertThat(AccessTokenRules.authorities(token().build())).isEmpty();
    }

    @Test
    void theAuthenticationCarriesTheRoles() {
        var authentication = AccessTokenRules.authentication()
                .convert(token().subject("person-1").claim("roles", List.of("ADMIN")).build());
        // Spring Security adds the factor the person proved (FACTOR_BEARER); the roles are ours.
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(authority -> authority.startsWith("ROLE_")).containsExactly("ROLE_ADMIN");
    }
}
