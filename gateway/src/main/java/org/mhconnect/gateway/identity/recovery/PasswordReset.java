package org.mhconnect.gateway.identity.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.account.AccountDocument;
import org.mhconnect.gateway.identity.account.Accounts;
import org.mhconnect.gateway.identity.email.AccountMail;
import org.mhconnect.gateway.identity.email.LinkTokens;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A forgotten password is replaced through a link mailed to the account's address: single use, short-lived, and
 * the only pending one of its account. Whether an address has an account is never revealed: the request is
 * answered before any of this work runs ({@link #requestAside}).
 */
@Component
public class PasswordReset {

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final AccountMail mail;
    private final GatewayProperties properties;
    private final Clock clock;

    PasswordReset(ReactiveMongoTemplate mongo, Accounts accounts, AccountMail mail, GatewayProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts the reset for whoever uses this address, without waiting for it: a known and an unknown address then
     * answer alike, in the same time.
     */
    public void requestAside(String email) {
        AccountMail.aside(request(email), "password reset");
    }

    /**
     * Replaces the account's pending link with a new one and mails it; nothing for an unknown address, an account
     * being deleted, or one already mailed as many links as the hour allows.
     */
    Mono<Void> request(String email) {
        String token = LinkTokens.newToken();
        Instant now = clock.instant();
        return accounts.byEmail(email)
                .filter(account -> !account.pendingDeletion())
                .flatMap(account -> mongo.findById(account.id(), PasswordResetDocument.class)
                        .map(previous -> LinkTokens.sentWithinAnHour(previous.sentAt(), now))
                        .defaultIfEmpty(List.of())
                        .filter(recent -> recent.size() < properties.identity().linkMailsPerHour())
                        .flatMap(recent -> mongo.save(new PasswordResetDocument(account.id(), LinkTokens.hash(token),
                                now.plus(properties.identity().passwordResetTtl()), LinkTokens.plus(recent, now))))
                        .flatMap(saved -> mail.resetPassword(account.email(), account.displayName(), token)));
    }

    /** The account a link works for now; empty when the link is unknown, used or expired. Uses nothing up. */
    public Mono<AccountDocument> accountOf(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return mongo.findOne(byToken(token), PasswordResetDocument.class)
                .filter(link -> link.expiresAt().isAfter(clock.instant()))
                .flatMap(link -> accounts.byId(link.userId()))
                .filter(account -> !account.pendingDeletion());
    }

    /**
     * Uses the link up: atomically, so that of two confirmations at once only one gets {@code true}. False when the
     * link was used, replaced or expired meanwhile.
     */
    public Mono<Boolean> use(String token) {
        return mongo.findAndRemove(byToken(token), PasswordResetDocument.class)
                .map(link -> link.expiresAt().isAfter(clock.instant()))
                .defaultIfEmpty(false);
    }

    /** Tells the person their password was changed; aside, since the change itself is done. */
    public void noticeAside(AccountDocument account) {
        AccountMail.aside(mail.passwordChanged(account.email(), account.displayName()), "password changed");
    }

    private static Query byToken(String token) {
        return Query.query(Criteria.where("tokenHash").is(LinkTokens.hash(token)));
    }
}
