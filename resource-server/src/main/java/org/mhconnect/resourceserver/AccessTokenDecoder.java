package org.mhconnect.resourceserver;

import java.time.Clock;

import com.nimbusds.jose.proc.SecurityContext;
import org.mhconnect.tokenrules.AccessTokenRules;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Builds the decoder that accepts only the gateway's access tokens, by the rules of {@link AccessTokenRules}. */
final class AccessTokenDecoder {

    static JwtDecoder create(ResourceServerProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
                .jwsAlgorithm(AccessTokenRules.ALGORITHM)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        AccessTokenRules.<SecurityContext>typeVerifier()))
                .build();
        decoder.setJwtValidator(AccessTokenRules.claims(properties.issuer(), properties.audience(), clock));
        return decoder;
    }

    private AccessTokenDecoder() {
    }
}
