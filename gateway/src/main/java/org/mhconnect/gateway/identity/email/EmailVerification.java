package org.mhconnect.gateway.identity.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.account.AccountAnnouncements;
import org.mhconnect.gateway.identity.account.AccountDocument;
import org.mhconnect.gateway.identity.account.Accounts;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A new account's address counts as confirmed once the link mailed to it at sign-up is followed. Until then the
 * other services send it no mail ({@code user.registered} says so); confirming announces {@code user.email-verified}.
 * A signed-in person may ask for the link again, a few times an hour; each new link replaces the one before.
 */
@Component
public class EmailVerification {

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final AccountMail mail;
    private final AccountAnnouncements announcements;
    private final GatewayProperties properties;
    private final Clock clock;

    EmailVerification(ReactiveMongoTemplate mongo, Accounts accounts, AccountMail mail,
            AccountAnnouncements announcements, GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.mail = mail;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a new link for the account's address and mails it aside. False, and nothing sent, when the account was
     * already mailed as many links as the hour allows.
     */
    public Mono<Boolean> send(AccountDocument account) {
        String token = LinkTokens.newToken();
        Instant now = clock.instant();
        return mongo.findById(account.id(), EmailVerificationDocument.class)
                .map(previous -> LinkTokens.sentWithinAnHour(previous.sentAt(), now))
                .defaultIfEmpty(List.of())
                .flatMap(recent -> {
                    if (recent.size() >= properties.identity().linkMailsPerHour()) {
                        return Mono.just(false);
                    }
                    EmailVerificationDocument link = new EmailVerificationDocument(account.id(), LinkTokens.hash(token),
                            account.email(), now.plus(properties.identity().emailVerificationTtl()),
                            LinkTokens.plus(recent, now));
                    return mongo.save(link).doOnNext(saved -> AccountMail.aside(
                            mail.verifyAddress(account.email(), account.displayName(), token), "address confirmation"))
                            .thenReturn(true);
                });
    }

    /**
     * Confirms the address a link stands for, once. Empty when the link is unknown, used or expired, or the account
     * has moved to another address since.
     */
    public Mono<AccountDocument> confirm(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return mongo.findAndRemove(Query.query(Criteria.where("tokenHash").is(LinkTokens.hash(token))),
                        EmailVerificationDocument.class)
                .filter(link -> link.expiresAt().isAfter(clock.instant()))
                .flatMap(link -> accounts.byId(link.userId())
                        .filter(account -> !account.pendingDeletion() && account.email().equals(link.email())))
                .flatMap(account -> account.isEmailVerified() ? Mono.just(account) : verify(account));
    }

    private Mono<AccountDocument> verify(AccountDocument account) {
        AccountDocument verified = account.withEmailVerified();
        return announcements.emailVerified(verified, accounts.save(verified));
    }
}
