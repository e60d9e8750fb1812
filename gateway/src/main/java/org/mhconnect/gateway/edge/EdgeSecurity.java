package org.mhconnect.gateway.edge;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.proc.JWKSecurityContext;
import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.token.SigningKeys;
import org.mhconnect.gateway.identity.web.TokenCookies;
import org.mhconnect.tokenrules.AccessTokenRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Security at the edge. The gateway checks tokens only for its own endpoints ({@code /api/me},
 * {@code /api/admin}); requests to the services pass through and each service checks the token itself.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    static final List<String> OWN_ENDPOINTS = List.of("/api/me", "/api/admin", "/api/auth/verify-email/resend");

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";

    @Bean
    SecurityWebFilterChain edgeFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                // Only the gateway's own endpoints go through Spring Security; requests for the services are checked
                // by the services, and running the whole chain for them cost a large share of the gateway's
                // throughput (bench/gateway-overhead.sh). Security headers for every response: SecurityHeadersFilter.
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/me", "/api/me/**", "/api/admin/**",
                        "/api/auth/verify-email/resend"))
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                // Cookie-authenticated changes are guarded by CookieCsrfFilter; bearer clients need no CSRF token.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(headerOrCookie())
                        .authenticationEntryPoint(EdgeProblems.unauthorized())
                        .accessDeniedHandler(EdgeProblems.forbidden())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(AccessTokenRules.authentication()))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(EdgeProblems.unauthorized())
                        .accessDeniedHandler(EdgeProblems.forbidden()))
                .build();
    }

    /** The gateway's own keys, read from memory, judged by the rules every service applies ({@link AccessTokenRules}). */
    @Bean
    ReactiveJwtDecoder accessTokenDecoder(SigningKeys keys, GatewayProperties properties, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.fromIterable(keys.publicKeys().getKeys()))
                .jwsAlgorithm(AccessTokenRules.ALGORITHM)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        AccessTokenRules.<JWKSecurityContext>typeVerifier()))
                .build();
        // The clock that stamps the tokens also judges them.
        decoder.setJwtValidator(AccessTokenRules.claims(properties.identity().issuer(), properties.identity().audience(),
                clock));
        return decoder;
    }

    /**
     * For the gateway's own endpoints: the {@code Authorization} header when there is one, otherwise the
     * browser's access-token cookie. Requests for the services are not authenticated here; the services check
     * the token themselves.
     */
    static ServerAuthenticationConverter headerOrCookie() {
        return exchange -> {
            String path = EdgePaths.routed(exchange);
            if (OWN_ENDPOINTS.stream().noneMatch(prefix -> EdgePaths.within(path, prefix))) {
                return Mono.empty();
            }
            return bearerOrCookie(exchange).map(BearerTokenAuthenticationToken::new);
        };
    }

    /**
     * The access token a request carries: a Bearer {@code Authorization} header, else the cookie. A request with
     * any other {@code Authorization} header carries none: it skips the cookie's CSRF check, so its cookie must not
     * count either.
     */
    static Mono<String> bearerOrCookie(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()
                    ? Mono.just(header.substring(7).strip()) : Mono.empty();
        }
        var cookie = exchange.getRequest().getCookies().getFirst(TokenCookies.ACCESS);
        return cookie == null || cookie.getValue().isBlank() ? Mono.empty() : Mono.just(cookie.getValue());
    }
}
