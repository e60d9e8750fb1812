package org.mhconnect.tokenrules;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * What makes an access token acceptable, written once for the gateway (which issues and checks them) and for every
 * service (which checks them through resource-server):
 * <ul>
 * <li>the header's {@code typ} is {@code at+jwt} (RFC 9068), so an ID token or any other JWT the issuer might sign is
 * not an access token;</li>
 * <li>one algorithm, ES256: {@code none}, HS256 signed with the public key and every other confusion are refused;</li>
 * <li>the issuer and the audience are ours;</li>
 * <li>it is used within its life, give or take {@link #CLOCK_SKEW};</li>
 * <li>its {@code roles} claim (USER, EDITOR, ADMIN) becomes {@code ROLE_*} authorities.</li>
 * </ul>
 */
public final class AccessTokenRules {

    /** The {@code typ} header of an access token. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    /** The only signature algorithm, in Spring Security's terms (the issuer signs with {@code JWSAlgorithm.ES256}). */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.ES256;

    /** Clocks differ a little between machines; not by minutes, which would stretch a token's life. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** The claim that lists a person's roles. */
    public static final String ROLES_CLAIM = "roles";

    private AccessTokenRules() {
    }

    /** Refuses any token whose header's {@code typ} is not {@link #TYPE}. */
    public static <C extends SecurityContext> JOSEObjectTypeVerifier<C> typeVerifier() {
        return new DefaultJOSEObjectTypeVerifier<>(TYPE);
    }

    /**
     * The claims checks: life (judged by {@code clock}, the one that stamps the tokens where there is one), issuer and
     * audience.
     */
    public static OAuth2TokenValidator<Jwt> claims(String issuer, String audience, Clock clock) {
        JwtTimestampValidator life = new JwtTimestampValidator(CLOCK_SKEW);
        life.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(life, new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
    }

    /** The token's roles as {@code ROLE_*} authorities; none when it has no roles claim. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return roles == null ? List.of()
                : roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    /** Turns a checked token into an authentication whose authorities are its {@link #authorities roles}. */
    public static JwtAuthenticationConverter authentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(AccessTokenRules::authorities);
        return converter;
    }
}
