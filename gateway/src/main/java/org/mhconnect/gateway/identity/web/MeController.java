package org.mhconnect.gateway.identity.web;

import jakarta.validation.Valid;
import org.mhconnect.gateway.identity.account.AccountAnnouncements;
import org.mhconnect.gateway.identity.account.AccountDocument;
import org.mhconnect.gateway.identity.account.Accounts;
import org.mhconnect.gateway.identity.account.PasswordPolicy;
import org.mhconnect.gateway.identity.email.EmailChange;
import org.mhconnect.gateway.identity.token.RefreshSessions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in person's own account: profile, password and sessions. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing passwords;
    private final RefreshSessions sessions;
    private final AccountAnnouncements announcements;
    private final EmailChange emailChange;

    MeController(Accounts accounts, PasswordPolicy policy, PasswordHashing passwords, RefreshSessions sessions,
            AccountAnnouncements announcements, EmailChange emailChange) {
        this.emailChange = emailChange;
        this.announcements = announcements;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GetMapping
    Mono<UserView> me(@AuthenticationPrincipal Jwt token) {
        return account(token).map(UserView::of);
    }

    @PatchMapping
    Mono<UserView> changeProfile(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AuthRequests.ProfileChange change) {
        return account(token)
                .map(account -> account.withProfile(
                        change.displayName() != null ? change.displayName().strip() : account.displayName(),
                        change.timeZone() != null ? change.timeZone() : account.timeZone(),
                        change.locale() != null ? change.locale() : account.locale()))
                .flatMap(account -> announcements.profileChanged(account, accounts.save(account)))
                .map(UserView::of);
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changePassword(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AuthRequests.PasswordChange change) {
        return account(token)
                .flatMap(account -> passwords.matches(change.currentPassword(), account.passwordHash())
                        .flatMap(ok -> {
                            if (!ok) {
                                return Mono.error(new IdentityException(HttpStatus.BAD_REQUEST,
                                        "The current password is not right", "Please enter your current password again."));
                            }
                            policy.problemWith(change.newPassword(), account.email()).ifPresent(problem -> {
                                throw new IdentityException(HttpStatus.BAD_REQUEST, "Please choose another password", problem);
                            });
                            return passwords.hash(change.newPassword());
                        })
                        .map(account::withPasswordHash))
                .flatMap(accounts::save)
                // Whoever knew the old password may hold a session: every session ends, and signing in again starts one.
                .flatMap(account -> sessions.revokeAll(account.id()));
    }

    @PostMapping("/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> changeEmail(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AuthRequests.EmailChangeRequest change) {
        return account(token)
                .flatMap(account -> passwords.matches(change.currentPassword(), account.passwordHash())
                        .flatMap(ok -> ok ? emailChange.taken(change.newEmail()) : Mono.error(new IdentityException(
                                HttpStatus.BAD_REQUEST, "The current password is not right",
                                "Please enter your current password again.")))
                        .flatMap(taken -> taken ? Mono.error(new IdentityException(HttpStatus.CONFLICT,
                                "This e-mail already has an account", "Please choose another address."))
                                : emailChange.request(account, change.newEmail())));
    }

    @GetMapping("/sessions")
    Flux<RefreshSessions.SessionView> sessions(@AuthenticationPrincipal Jwt token) {
        return sessions.activeOf(token.getSubject());
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> endSession(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return sessions.revoke(token.getSubject(), id)
                .flatMap(revoked -> revoked ? Mono.<Void>empty() : Mono.error(new IdentityException(HttpStatus.NOT_FOUND,
                        "Session not found", "There is no active session with this id.")));
    }

    private Mono<AccountDocument> account(Jwt token) {
        return accounts.byId(token.getSubject())
                .switchIfEmpty(Mono.error(() -> new IdentityException(HttpStatus.UNAUTHORIZED, "Please sign in again",
                        "This account no longer exists.")));
    }
}
