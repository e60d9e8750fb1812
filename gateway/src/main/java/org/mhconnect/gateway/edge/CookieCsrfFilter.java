package org.mhconnect.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.mhconnect.gateway.identity.web.TokenCookies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Double-submit CSRF protection for requests that a browser authenticates with cookies: a request that changes
 * something must repeat the {@code mhc_csrf} cookie in the {@code X-CSRF-Token} header, which another site
 * cannot read. Requests with an {@code Authorization} header are not cookie-authenticated and pass. So do the
 * e-mail action links ({@value #ACTION_LINKS}...): their signed token in the address is the proof, not the cookie, and
 * the plain HTML form of their confirmation page cannot send the header.
 */
@Component
@Order(-150)
class CookieCsrfFilter implements WebFilter {

    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    static final String ACTION_LINKS = "/api/notifications/actions/";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        boolean cookieAuthenticated = request.getCookies().containsKey(TokenCookies.ACCESS)
                || request.getCookies().containsKey(TokenCookies.REFRESH);
        if (SAFE.contains(request.getMethod()) || !cookieAuthenticated
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || request.getPath().pathWithinApplication().value().startsWith(ACTION_LINKS)) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = request.getCookies().getFirst(TokenCookies.CSRF);
        String header = request.getHeaders().getFirst(TokenCookies.CSRF_HEADER);
        if (cookie == null || header == null || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8))) {
            return EdgeProblems.csrfMissing(exchange);
        }
        return chain.filter(exchange);
    }
}
