package org.mhconnect.resourceserver;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks access tokens, under {@code mhc.security}.
 *
 * @param jwksUri         where the gateway publishes its signing keys
 * @param issuer          the {@code iss} every token must carry
 * @param audience        a value the token's {@code aud} must contain
 * @param publicGetPaths  path patterns anyone may read without a token, such as the library
 * @param publicPaths     path patterns open to every method without a token; for endpoints that carry their own
 *                        proof, such as the signed one-click links in reminders
 */
@Validated
@ConfigurationProperties("mhc.security")
public record ResourceServerProperties(
        @NotNull @DefaultValue("http://localhost:8080/.well-known/jwks.json") URI jwksUri,
        @NotBlank @DefaultValue("http://localhost:8080") String issuer,
        @NotBlank @DefaultValue("mhc-api") String audience,
        @DefaultValue List<String> publicGetPaths,
        @DefaultValue List<String> publicPaths) {
}
