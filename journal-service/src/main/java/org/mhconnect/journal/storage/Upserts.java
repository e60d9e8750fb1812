package org.mhconnect.journal.storage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * An upsert by {@code _id} that survives a race. When two writers create the same document at once, one insert
 * loses on the unique {@code _id}; trying again turns the loser's upsert into a plain update of the winner's
 * document. Both changes are field updates, so neither is lost.
 */
public final class Upserts {

    public static void upsert(MongoTemplate mongo, Query byId, UpdateDefinition update, String collection) {
        try {
            mongo.upsert(byId, update, collection);
        }
        catch (DuplicateKeyException raced) {
            mongo.upsert(byId, update, collection);
        }
    }

    private Upserts() {
    }
}
