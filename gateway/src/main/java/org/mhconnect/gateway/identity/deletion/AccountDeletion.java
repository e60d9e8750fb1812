package org.mhconnect.gateway.identity.deletion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.account.AccountAnnouncements;
import org.mhconnect.gateway.identity.account.Accounts;
import org.mhconnect.gateway.identity.token.RefreshSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deleting an account across every service. Asking ends the person's sessions, stops sign-in and announces
 * {@code user.deletion-requested}; each service erases its data and answers {@code user.data-erased}; when all
 * have answered, the account and its sessions are removed. Every step can happen twice without harm, and an
 * unanswered request is announced again, so a service that was down erases the data when it is back.
 */
@Component
public class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final RefreshSessions sessions;
    private final AccountAnnouncements announcements;
    private final GatewayProperties properties;
    private final Clock clock;

    AccountDeletion(ReactiveMongoTemplate mongo, Accounts accounts, RefreshSessions sessions,
            AccountAnnouncements announcements, GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.sessions = sessions;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts (or, when already started, repeats) the deletion of the account. */
    public Mono<DeletionStatus> request(String userId) {
        Instant now = clock.instant();
        Update start = new Update().setOnInsert("requestedAt", now).setOnInsert("confirmedBy", Set.of())
                .set("lastAnnouncedAt", now);
        return mongo.upsert(Query.query(Criteria.where("_id").is(userId)), start, DeletionDocument.class)
                .then(accounts.byId(userId)
                        .filter(account -> !account.pendingDeletion())
                        .flatMap(account -> accounts.save(account.withDeletionRequestedAt(now)))
                        .then())
                .then(sessions.revokeAll(userId))
                .then(announcements.deletionRequested(userId))
                .then(status(userId));
    }

    /** Records a service's confirmation, and finishes the deletion when it was the last one missing. */
    public Mono<Void> confirm(UserDataErased erased) {
        Query deletion = Query.query(Criteria.where("_id").is(erased.userId()));
        return mongo.findAndModify(deletion, new Update().addToSet("confirmedBy", erased.service()),
                        FindAndModifyOptions.options().returnNew(true), DeletionDocument.class)
                .filter(updated -> updated.completedAt() == null
                        && updated.confirmedBy().containsAll(properties.deletion().services()))
                .flatMap(this::finish);
    }

    public Mono<DeletionStatus> status(String userId) {
        return mongo.findById(userId, DeletionDocument.class).map(this::statusOf);
    }

    /** Deletions still waiting for a service, last announced long enough ago to ask again. */
    public Flux<String> unanswered() {
        Instant before = clock.instant().minus(properties.deletion().reannounceAfter());
        return mongo.find(Query.query(Criteria.where("completedAt").is(null).and("lastAnnouncedAt").lt(before)),
                DeletionDocument.class).map(DeletionDocument::userId);
    }

    private Mono<Void> finish(DeletionDocument deletion) {
        return accounts.byId(deletion.userId())
                .flatMap(account -> mongo.remove(account).then())
                .then(sessions.forget(deletion.userId()))
                .then(mongo.remove(Query.query(Criteria.where("userId").is(deletion.userId())), "email_changes").then())
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(deletion.userId())),
                        Update.update("completedAt", clock.instant()), DeletionDocument.class))
                .doOnSuccess(done -> log.info("Account deletion complete: every service confirmed the erasure"))
                .then();
    }

    private DeletionStatus statusOf(DeletionDocument deletion) {
        List<String> required = properties.deletion().services();
        List<String> confirmed = required.stream().filter(deletion.confirmedBy()::contains).toList();
        List<String> pending = required.stream().filter(service -> !deletion.confirmedBy().contains(service)).toList();
        return new DeletionStatus(deletion.requestedAt(), confirmed, pending, deletion.completedAt() != null,
                deletion.completedAt());
    }
}
