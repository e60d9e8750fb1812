package org.mhconnect.reminder.dispatch;

import org.mhconnect.reminder.channel.inbox.Inbox;
import org.mhconnect.reminder.definition.ReminderDocument;
import org.mhconnect.reminder.definition.Reminders;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.mhconnect.reminder.preferences.Preferences;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Everything reminders hold for a person: queued deliveries, each reminder's history, the reminders themselves
 * (whose schedules leave the engine by tombstones on the compacted topic, which also empties its state stores),
 * delivery records, the inbox and the preferences.
 */
@Component
class AccountErasure implements ReminderErasure {

    private final Reminders reminders;
    private final History history;
    private final DeliveryWorker worker;
    private final Inbox inbox;
    private final Preferences preferences;
    private final MongoTemplate mongo;

    AccountErasure(Reminders reminders, History history, DeliveryWorker worker, Inbox inbox, Preferences preferences,
            MongoTemplate mongo) {
        this.reminders = reminders;
        this.history = history;
        this.worker = worker;
        this.inbox = inbox;
        this.preferences = preferences;
        this.mongo = mongo;
    }

    @Override
    public long eraseAllOf(String userId) {
        worker.eraseAllOf(userId);
        long count = 0;
        for (ReminderDocument reminder : reminders.list(userId)) {
            history.erase(reminder.id());
            count++;
        }
        reminders.eraseAllOf(userId);
        // The history of reminders deleted earlier outlives them (it is keyed by reminder id, and a deleted reminder
        // is no longer in the list above): found by its userId. A scan, like the next one; erasure is rare.
        count += mongo.remove(Query.query(Criteria.where("userId").is(userId)), HistoryDocument.class).getDeletedCount();
        // A scan on mongo-java-server; a real MongoDB uses the userId index. Erasure is rare.
        count += mongo.remove(Query.query(Criteria.where("userId").is(userId)), DeliveryDocument.class).getDeletedCount();
        inbox.eraseAllOf(userId);
        preferences.eraseAllOf(userId);
        return count;
    }
}
