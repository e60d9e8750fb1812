package org.mhconnect.gateway.identity.web;

import jakarta.validation.Valid;
import org.mhconnect.gateway.identity.account.AccountAnnouncements;
import org.mhconnect.gateway.identity.account.AccountDocument;
import org.mhconnect.gateway.identity.account.Accounts;
import org.mhconnect.gateway.identity.account.PasswordPolicy;
import org.mhconnect.gateway.identity.email.EmailVerification;
import org.mhconnect.gateway.identity.recovery.PasswordReset;
import org.mhconnect.gateway.identity.token.RefreshSessions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Getting back in with a forgotten password, and confirming the address of a new account; both by mailed links. */
@RestController
@RequestMapping("/api/auth")
class RecoveryController {

    /** The one answer to a reset request, whether or not the address has an account. */
    static final Accepted RESET_REQUESTED = new Accepted("If an account uses this address, we have sent it a link "
            + "to choose a new password. Please look in your inbox, and in your spam folder too.");

    private final PasswordReset reset;
    private final EmailVerification verification;
    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing passwords;
    private final RefreshSessions sessions;
    private final AccountAnnouncements announcements;

    RecoveryController(PasswordReset reset, EmailVerification verification, Accounts accounts, PasswordPolicy policy,
            PasswordHashing passwords, RefreshSessions sessions, AccountAnnouncements announcements) {
        this.reset = reset;
        this.verification = verification;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.announcements = announcements;
    }

    /** Answers before anything is looked up, so nobody learns from the answer or its timing whether the address is known. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted requestReset(@Valid @RequestBody AuthRequests.PasswordResetRequest request) {
        reset.requestAside(request.email());
        return RESET_REQUESTED;
    }

    /**
     * Sets the new password, ends every session and tells the person by mail. The password is checked before the
     * link is used up, so a refused password leaves the link working.
     */
    @PostMapping("/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> confirmReset(@Valid @RequestBody AuthRequests.PasswordResetConfirmation confirmation) {
        String token = confirmation.token();
        return reset.accountOf(token)
                .switchIfEmpty(Mono.error(RecoveryController::resetLinkGone))
                .flatMap(account -> {
                    policy.problemWith(confirmation.newPassword(), account.email()).ifPresent(problem -> {
                        throw new IdentityException(HttpStatus.BAD_REQUEST, "Please choose another password", problem);
                    });
                    return passwords.hash(confirmation.newPassword())
                            .flatMap(hash -> reset.use(token)
                                    .flatMap(used -> used ? accounts.byId(account.id())
                                            : Mono.error(RecoveryController::resetLinkGone))
                                    .map(current -> current.withPasswordHash(hash)));
                })
                .flatMap(this::save)
                // Whoever knew the old password may hold a session: every session ends.
                .flatMap(account -> sessions.revokeAll(account.id()).thenReturn(account))
                .doOnNext(reset::noticeAside)
                .then();
    }

    /** The link arrived in the account's mailbox, so it proves the address as well. */
    private Mono<AccountDocument> save(AccountDocument account) {
        if (account.isEmailVerified()) {
            return accounts.save(account);
        }
        AccountDocument verified = account.withEmailVerified();
        return announcements.emailVerified(verified, accounts.save(verified));
    }

    @PostMapping("/verify-email")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> verifyEmail(@Valid @RequestBody AuthRequests.EmailVerificationConfirmation confirmation) {
        return verification.confirm(confirmation.token())
                .switchIfEmpty(Mono.error(() -> new IdentityException(HttpStatus.GONE, "This link no longer works",
                        "It may have expired or been used already. Sign in and ask for a new one from the notice at "
                                + "the top of the page.")))
                .then();
    }

    /** Mails the signed-in person a new link; a few times an hour at most. */
    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> resendVerification(@AuthenticationPrincipal Jwt token) {
        return accounts.byId(token.getSubject())
                .filter(account -> !account.pendingDeletion())
                .switchIfEmpty(Mono.error(() -> new IdentityException(HttpStatus.UNAUTHORIZED, "Please sign in again",
                        "This account no longer exists.")))
                .flatMap(account -> account.isEmailVerified()
                        ? Mono.error(new IdentityException(HttpStatus.CONFLICT, "Your address is already confirmed",
                                "There is nothing more to do."))
                        : verification.send(account))
                .flatMap(sent -> sent ? Mono.just(new Accepted("We have sent a new link. It replaces any link we sent before."))
                        : Mono.error(new IdentityException(HttpStatus.TOO_MANY_REQUESTS, "Please wait a little",
                                "We have sent several links in the last hour. Please use the newest one, or try again later.")));
    }

    private static IdentityException resetLinkGone() {
        return new IdentityException(HttpStatus.GONE, "This link no longer works",
                "It may have expired or been used already. You can ask for a new one on the sign-in page.");
    }

    /** A message that a request was taken in. */
    record Accepted(String message) {
    }
}
