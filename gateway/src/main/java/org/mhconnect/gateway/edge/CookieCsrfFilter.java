package org.mhconnect.gateway.edge;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import org.mhconnect.gateway.identity.token.AccessTokens;
import org.mhconnect.gateway.identity.token.RefreshSessions;
import org.mhconnect.gateway.identity.token.SessionCsrf;
import org.mhconnect.gateway.identity.web.TokenCookies;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CSRF protection for requests that a browser authenticates with cookies: a request that changes something must
 * send, in the {@code X-CSRF-Token} header, the CSRF value of the session its cookies belong to. The value (also in
 * the readable {@code mhc_csrf} cookie, which another site cannot read) is an HMAC of the refresh session's id
 * ({@link SessionCsrf}), so a value taken from, or planted by, another session is refused. The session is named by
 * the refresh cookie and by the access cookie's {@code sid} claim; when both are sent, the value must fit both.
 * Requests with an {@code Authorization} header are not cookie-authenticated and pass: the cookies are then never
 * used ({@link EdgeSecurity}). So do the e-mail action links ({@value #ACTION_LINKS}, read as routes read paths):
 * their signed token in the address is the proof, not the cookie, and the plain HTML form of their confirmation
 * page cannot send the header.
 */
@Component
@Order(-150)
class CookieCsrfFilter implements WebFilter {

    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    static final String ACTION_LINKS = "/api/notifications/actions";

    private final SessionCsrf csrf;

    CookieCsrfFilter(SessionCsrf csrf) {
        this.csrf = csrf;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        boolean cookieAuthenticated = request.getCookies().containsKey(TokenCookies.ACCESS)
                || request.getCookies().containsKey(TokenCookies.REFRESH);
        if (SAFE.contains(request.getMethod()) || !cookieAuthenticated
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || isActionLink(EdgePaths.routed(exchange))) {
            return chain.filter(exchange);
        }
        String presented = request.getHeaders().getFirst(TokenCookies.CSRF_HEADER);
        List<String> sessions = sessionsNamedBy(request);
        if (presented == null || sessions.isEmpty()
                || !sessions.stream().allMatch(session -> csrf.matches(session, presented))) {
            return EdgeProblems.csrfMissing(exchange);
        }
        return chain.filter(exchange);
    }

    /** Below the action links, with no dot segment that could lead a route elsewhere. */
    static boolean isActionLink(String routedPath) {
        return EdgePaths.within(routedPath, ACTION_LINKS) && !routedPath.contains("/../") && !routedPath.endsWith("/..")
                && !routedPath.contains("/./") && !routedPath.endsWith("/.");
    }

    /**
     * The sessions the request's cookies name. The access token's claim is read without checking its signature:
     * it only chooses which value to expect, and Spring Security verifies the token before it counts for anything.
     * A cookie that names no session (unreadable, or from before sessions were named) makes the list shorter, and an
     * empty list fails the check.
     */
    private static List<String> sessionsNamedBy(ServerHttpRequest request) {
        List<String> sessions = new ArrayList<>(2);
        boolean unnamed = false;
        HttpCookie refresh = request.getCookies().getFirst(TokenCookies.REFRESH);
        if (refresh != null) {
            String session = RefreshSessions.sessionIdOf(refresh.getValue());
            unnamed |= session == null;
            if (session != null) {
                sessions.add(session);
            }
        }
        HttpCookie access = request.getCookies().getFirst(TokenCookies.ACCESS);
        if (access != null) {
            String session = sessionClaim(access.getValue());
            unnamed |= session == null;
            if (session != null) {
                sessions.add(session);
            }
        }
        return unnamed ? List.of() : sessions;
    }

    private static String sessionClaim(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim(AccessTokens.SESSION_CLAIM);
        }
        catch (ParseException | RuntimeException ex) {
            return null;
        }
    }
}
