package org.mhconnect.reminder.dispatch;

import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What dispatch holds for a person: queued deliveries, each reminder's history and the delivery records. First of the
 * erasures, while the person's reminders are still there to name their histories.
 */
@Component
@Order(ReminderErasure.DELIVERIES)
class DeliveriesErasure implements ReminderErasure {

    private final Reminders reminders;
    private final History history;
    private final DeliveryWorker worker;
    private final MongoTemplate mongo;

    DeliveriesErasure(Reminders reminders, History history, DeliveryWorker worker, MongoTemplate mongo) {
        this.reminders = reminders;
        this.history = history;
        this.worker = worker;
        this.mongo = mongo;
    }

    @Override
    public long eraseAllOf(String userId) {
        worker.eraseAllOf(userId);
        long count = 0;
        for (String reminder : reminders.idsOf(userId)) {
            history.erase(reminder);
            count++;
        }
        // The history of reminders deleted earlier outlives them (it is keyed by reminder id, and a deleted reminder
        // is no longer in the list above): found by its userId. A scan, like the next one; erasure is rare.
        count += mongo.remove(Query.query(Criteria.where("userId").is(userId)), HistoryDocument.class).getDeletedCount();
        // A scan on mongo-java-server; a real MongoDB uses the userId index. Erasure is rare.
        count += mongo.remove(Query.query(Criteria.where("userId").is(userId)), DeliveryDocument.class).getDeletedCount();
        return count;
    }
}
