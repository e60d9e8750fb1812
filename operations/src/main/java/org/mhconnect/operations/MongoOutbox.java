package org.mhconnect.operations;

import java.util.Date;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * How {@link OutboxGauges} looks at an outbox kept in a MongoDB collection that holds pending records only: the
 * collection's count, and the smallest value of its staging time field.
 */
public final class MongoOutbox {

    private MongoOutbox() {
    }

    public static Supplier<OutboxGauges.Backlog> backlog(MongoCollection<Document> collection, String stagedAtField) {
        return () -> {
            long records = collection.countDocuments();
            Document oldest = records == 0 ? null : collection.find().sort(Sorts.ascending(stagedAtField))
                    .projection(Projections.include(stagedAtField)).limit(1).first();
            Date stagedAt = oldest == null ? null : oldest.getDate(stagedAtField);
            return new OutboxGauges.Backlog(records, stagedAt == null ? null : stagedAt.toInstant());
        };
    }
}
