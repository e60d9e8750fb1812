package org.mhconnect.gateway.identity.account;

import java.util.Locale;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads and writes accounts; e-mail addresses are compared in lower case. */
@Component
public class Accounts {

    private final ReactiveMongoTemplate mongo;

    Accounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AccountDocument> byEmail(String email) {
        return mongo.findOne(Query.query(Criteria.where("email").is(normalise(email))), AccountDocument.class);
    }

    public Mono<AccountDocument> byId(String id) {
        return mongo.findById(id, AccountDocument.class);
    }

    /** Inserts a new account; a taken e-mail fails with the unique index's DuplicateKeyException. */
    public Mono<AccountDocument> insert(AccountDocument account) {
        return mongo.insert(account);
    }

    public Mono<AccountDocument> save(AccountDocument account) {
        return mongo.save(account);
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
