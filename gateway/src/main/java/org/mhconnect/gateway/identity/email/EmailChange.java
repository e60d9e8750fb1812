package org.mhconnect.gateway.identity.email;

import java.net.URI;
import java.time.Clock;

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
 * Changing the e-mail address takes effect only when the link sent to the new address is followed: proof that
 * the person can read mail there. The old address is told, and keeps the account until then.
 */
@Component
public class EmailChange {

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final AccountMail mail;
    private final AccountAnnouncements announcements;
    private final GatewayProperties properties;
    private final Clock clock;

    EmailChange(ReactiveMongoTemplate mongo, Accounts accounts, AccountMail mail, AccountAnnouncements announcements,
            GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.mail = mail;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the confirmation link; nothing about the account changes yet. */
    public Mono<Void> request(AccountDocument account, String newEmail) {
        String token = LinkTokens.newToken();
        String address = Accounts.normalise(newEmail);
        EmailChangeDocument pending = new EmailChangeDocument(hash(token), account.id(), address,
                clock.instant().plus(properties.identity().emailChangeTtl()));
        URI link = URI.create(properties.identity().issuer() + "/api/auth/email-confirmation?token=" + token);
        return mongo.insert(pending)
                .then(mail.confirmNewAddress(address, account.displayName(), link.toString()))
                .then(mail.noticeToOldAddress(account.email(), account.displayName()))
                .onErrorResume(ex -> mongo.remove(pending).then(Mono.error(ex)));
    }

    /** Applies the change a link stands for. Empty when the link is unknown, used or expired. */
    public Mono<AccountDocument> confirm(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return mongo.findAndRemove(Query.query(Criteria.where("_id").is(hash(token))), EmailChangeDocument.class)
                .filter(pending -> pending.expiresAt().isAfter(clock.instant()))
                .flatMap(pending -> accounts.byId(pending.userId())
                        .filter(account -> !account.pendingDeletion())
                        .map(account -> account.withEmail(pending.newEmail())))
                .flatMap(account -> announcements.profileChanged(account, accounts.save(account)));
    }

    /** Whether the address already belongs to an account. */
    public Mono<Boolean> taken(String email) {
        return accounts.byEmail(email).hasElement();
    }

    private static String hash(String token) {
        return LinkTokens.hash(token);
    }
}
