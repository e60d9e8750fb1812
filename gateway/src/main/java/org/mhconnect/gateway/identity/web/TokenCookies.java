package org.mhconnect.gateway.identity.web;

import java.time.Duration;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.token.RefreshSessions;
import org.mhconnect.gateway.identity.token.SessionCsrf;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * The browser's tokens: the access token and the refresh token in HttpOnly, Secure, SameSite=Strict cookies
 * (the refresh cookie only travels to {@code /api/auth}), and a readable CSRF cookie whose value the web app
 * echoes in the {@code X-CSRF-Token} header of every request that changes something. That value is bound to the
 * refresh session ({@link SessionCsrf}), so it is good for this session only.
 */
@Component
public class TokenCookies {

    public static final String ACCESS = "mhc_access";
    public static final String REFRESH = "mhc_refresh";
    public static final String CSRF = "mhc_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final GatewayProperties properties;
    private final SessionCsrf csrf;

    TokenCookies(GatewayProperties properties, SessionCsrf csrf) {
        this.properties = properties;
        this.csrf = csrf;
    }

    void set(ServerHttpResponse response, String accessToken, String refreshToken) {
        response.addCookie(cookie(ACCESS, accessToken, "/", properties.identity().accessTokenTtl(), true));
        response.addCookie(cookie(REFRESH, refreshToken, "/api/auth", properties.identity().refreshTokenTtl(), true));
        response.addCookie(cookie(CSRF, csrf.valueFor(RefreshSessions.sessionIdOf(refreshToken)), "/", properties.identity().refreshTokenTtl(), false));
    }

    void clear(ServerHttpResponse response) {
        response.addCookie(cookie(ACCESS, "", "/", Duration.ZERO, true));
        response.addCookie(cookie(REFRESH, "", "/api/auth", Duration.ZERO, true));
        response.addCookie(cookie(CSRF, "", "/", Duration.ZERO, false));
    }

    private ResponseCookie cookie(String name, String value, String path, Duration maxAge, boolean httpOnly) {
        return ResponseCookie.from(name, value).path(path).maxAge(maxAge).httpOnly(httpOnly)
                .secure(properties.identity().secureCookies()).sameSite("Strict").build();
    }
}
