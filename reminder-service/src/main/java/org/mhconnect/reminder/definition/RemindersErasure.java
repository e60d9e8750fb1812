package org.mhconnect.reminder.definition;

import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every reminder of a deleted account: removed from MongoDB and from the engine (a tombstone each on the compacted
 * schedules topic). Runs after dispatch's erasure, which still needs the list to find each reminder's history.
 */
@Component
@Order(ReminderErasure.REMINDERS)
class RemindersErasure implements ReminderErasure {

    private final Reminders reminders;
    private final MongoTemplate mongo;
    private final ScheduleFeed feed;

    RemindersErasure(Reminders reminders, MongoTemplate mongo, ScheduleFeed feed) {
        this.reminders = reminders;
        this.mongo = mongo;
        this.feed = feed;
    }

    @Override
    public long eraseAllOf(String userId) {
        long count = 0;
        for (ReminderDocument reminder : reminders.list(userId)) {
            feed.change(userId, reminder.id(),
                    () -> mongo.remove(Query.query(Criteria.where("_id").is(reminder.id())), ReminderDocument.class));
            count++;
        }
        mongo.remove(Query.query(Criteria.where("_id").is(userId)), OwnerIndex.class);
        return count;
    }
}
