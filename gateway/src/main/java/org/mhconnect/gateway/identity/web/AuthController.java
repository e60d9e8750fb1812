package org.mhconnect.gateway.identity.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.mhconnect.gateway.identity.account.AccountAnnouncements;
import org.mhconnect.gateway.identity.account.AccountDocument;
import org.mhconnect.gateway.identity.account.Accounts;
import org.mhconnect.gateway.identity.account.PasswordPolicy;
import org.mhconnect.gateway.identity.account.Role;
import org.mhconnect.gateway.identity.email.EmailChange;
import org.mhconnect.gateway.identity.email.EmailVerification;
import org.mhconnect.gateway.identity.token.AccessTokens;
import org.mhconnect.gateway.identity.token.RefreshSessions;
import org.mhconnect.gateway.operations.GatewayMeters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sign-up (which mails a link to confirm the address), sign-in, refresh and sign-out. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing passwords;
    private final AccessTokens accessTokens;
    private final RefreshSessions sessions;
    private final TokenCookies cookies;
    private final AccountAnnouncements announcements;
    private final EmailChange emailChange;
    private final EmailVerification verification;
    private final Clock clock;
    private final org.mhconnect.gateway.GatewayProperties properties;
    private final GatewayMeters meters;

    AuthController(Accounts accounts, PasswordPolicy policy, PasswordHashing passwords, AccessTokens accessTokens,
            RefreshSessions sessions, TokenCookies cookies, AccountAnnouncements announcements, EmailChange emailChange,
            EmailVerification verification, Clock clock, org.mhconnect.gateway.GatewayProperties properties,
            GatewayMeters meters) {
        this.meters = meters;
        this.verification = verification;
        this.properties = properties;
        this.announcements = announcements;
        this.emailChange = emailChange;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.cookies = cookies;
        this.clock = clock;
    }

    @PostMapping("/signup")
    Mono<ResponseEntity<UserView>> signUp(@Valid @RequestBody AuthRequests.SignUp request) {
        policy.problemWith(request.password(), request.email()).ifPresent(problem -> {
            throw new IdentityException(HttpStatus.BAD_REQUEST, "Please choose another password", problem);
        });
        return passwords.hash(request.password())
                .map(hash -> new AccountDocument(UUID.randomUUID().toString(), Accounts.normalise(request.email()), hash,
                        request.displayName().strip(), request.timeZone(), request.locale(), rolesAtSignUp(request.email()),
                        clock.instant(), null, false, null))
                .flatMap(account -> announcements.registered(account, accounts.insert(account)))
                // The link is mailed aside: a mail server that is down must not stop anyone signing up, and the person
                // can ask for the link again from the web app.
                .flatMap(account -> verification.send(account).thenReturn(account))
                .onErrorMap(DuplicateKeyException.class, ex -> new IdentityException(HttpStatus.CONFLICT,
                        "This e-mail already has an account", "Try signing in instead, or use another address."))
                .map(account -> ResponseEntity.created(URI.create("/api/me")).body(UserView.of(account)));
    }

    /** Everyone is a USER; the operator's bootstrap admins ({@code mhc.gateway.identity.bootstrap-admins}) are also ADMIN and EDITOR. */
    private java.util.Set<Role> rolesAtSignUp(String email) {
        return properties.identity().isBootstrapAdmin(email) ? EnumSet.allOf(Role.class) : EnumSet.of(Role.USER);
    }

    @PostMapping("/login")
    Mono<SignedIn> signIn(@Valid @RequestBody AuthRequests.SignIn request, ServerHttpRequest http,
            ServerHttpResponse response) {
        // One Argon2 verification per attempt, whatever happens: an unknown address costs the same time as a wrong
        // password, and answers the same.
        return accounts.byEmail(request.email())
                .filter(account -> !account.pendingDeletion())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> passwords.matchesOrDecoy(request.password(),
                                found.map(AccountDocument::passwordHash).orElse(null))
                        .flatMap(ok -> ok && found.isPresent() ? Mono.just(found.get())
                                : Mono.<AccountDocument>error(IdentityException.badCredentials())))
                .flatMap(account -> sessions.start(account.id(), http.getHeaders().getFirst(HttpHeaders.USER_AGENT))
                        .map(session -> signedIn(account, session.token(), response)))
                .doOnSuccess(signedIn -> meters.signIn(GatewayMeters.SignIn.SUCCESS))
                .doOnError(ex -> meters.signIn(ex instanceof IdentityException identity && identity.status() == HttpStatus.UNAUTHORIZED
                        ? GatewayMeters.SignIn.BAD_CREDENTIALS : GatewayMeters.SignIn.ERROR));
    }

    @PostMapping("/refresh")
    Mono<SignedIn> refresh(@Valid @RequestBody(required = false) AuthRequests.Refresh body, ServerHttpRequest http,
            ServerHttpResponse response) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken() : cookie(http, TokenCookies.REFRESH);
        return sessions.rotate(token)
                .flatMap(session -> accounts.byId(session.userId()).filter(account -> !account.pendingDeletion())
                        .map(account -> signedIn(account, session.token(), response)))
                .switchIfEmpty(Mono.error(() -> new IdentityException(HttpStatus.UNAUTHORIZED, "Please sign in again",
                        "This session has ended.")));
    }

    /** The link in the confirmation e-mail; the browser lands back in the web app with the outcome. */
    @GetMapping("/email-confirmation")
    Mono<ResponseEntity<Void>> confirmEmail(@RequestParam(required = false) String token) {
        return emailChange.confirm(token)
                .map(account -> "confirmed")
                .onErrorResume(DuplicateKeyException.class, ex -> Mono.just("taken"))
                .defaultIfEmpty("expired")
                .map(outcome -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create("/?email-change=" + outcome)).<Void>build());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> signOut(@RequestBody(required = false) AuthRequests.Refresh body, ServerHttpRequest http,
            ServerHttpResponse response) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken() : cookie(http, TokenCookies.REFRESH);
        cookies.clear(response);
        return sessions.end(token);
    }

    private SignedIn signedIn(AccountDocument account, String refreshToken, ServerHttpResponse response) {
        AccessTokens.IssuedToken access = accessTokens.mint(account, RefreshSessions.sessionIdOf(refreshToken));
        cookies.set(response, access.value(), refreshToken);
        long expiresIn = Duration.between(clock.instant(), access.expiresAt()).toSeconds();
        return new SignedIn(access.value(), "Bearer", expiresIn, refreshToken, UserView.of(account));
    }

    private static String cookie(ServerHttpRequest request, String name) {
        var cookie = request.getCookies().getFirst(name);
        return cookie == null ? null : cookie.getValue();
    }
}
