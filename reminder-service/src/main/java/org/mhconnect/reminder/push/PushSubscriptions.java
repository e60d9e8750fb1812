package org.mhconnect.reminder.push;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The browsers each person subscribed to push. Subscribing is idempotent per endpoint (the same endpoint again
 * replaces its keys); a person keeps at most {@code mhc.reminder.push.devices-per-person}, and a new one beyond
 * that drops the oldest, since browsers renew subscriptions and old phones are rarely unsubscribed. Erased with the
 * account.
 */
@Component
class PushSubscriptions implements ReminderErasure {

    private final MongoTemplate mongo;
    private final int cap;
    private final Clock clock;

    PushSubscriptions(MongoTemplate mongo, ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.cap = properties.push().devicesPerPerson();
        this.clock = clock;
    }

    List<PushSubscriptionsDocument.Device> of(String userId) {
        PushSubscriptionsDocument stored = mongo.findById(userId, PushSubscriptionsDocument.class);
        return stored == null || stored.devices() == null ? List.of() : stored.devices();
    }

    void subscribe(String userId, String endpoint, String p256dh, String auth) {
        change(userId, devices -> {
            List<PushSubscriptionsDocument.Device> next = new ArrayList<>(devices.stream()
                    .filter(device -> !device.endpoint().equals(endpoint)).toList());
            next.add(new PushSubscriptionsDocument.Device(endpoint, p256dh, auth, clock.instant()));
            return next.size() > cap ? next.subList(next.size() - cap, next.size()) : next;
        });
    }

    /** @return whether there was such a subscription */
    boolean unsubscribe(String userId, String endpoint) {
        boolean[] found = {false};
        change(userId, devices -> {
            List<PushSubscriptionsDocument.Device> next = devices.stream().filter(device -> !device.endpoint().equals(endpoint)).toList();
            found[0] = next.size() < devices.size();
            return next;
        });
        return found[0];
    }

    /** Reads, changes and writes back only if nobody wrote in between; otherwise reads again. */
    private void change(String userId, UnaryOperator<List<PushSubscriptionsDocument.Device>> change) {
        for (int attempt = 0; attempt < 20; attempt++) {
            PushSubscriptionsDocument stored = mongo.findById(userId, PushSubscriptionsDocument.class);
            if (stored == null) {
                List<PushSubscriptionsDocument.Device> next = change.apply(List.of());
                if (next.isEmpty()) {
                    return;
                }
                try {
                    mongo.insert(new PushSubscriptionsDocument(userId, List.copyOf(next), 1));
                    return;
                }
                catch (DuplicateKeyException ex) {
                    continue; // another device subscribed at the same moment
                }
            }
            List<PushSubscriptionsDocument.Device> next = change.apply(stored.devices() == null ? List.of() : stored.devices());
            long written = mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("version").is(stored.version())),
                    new Update().set("devices", List.copyOf(next)).set("version", stored.version() + 1),
                    PushSubscriptionsDocument.class).getModifiedCount();
            if (written == 1) {
                return;
            }
        }
        throw new IllegalStateException("The push subscriptions kept changing; try again");
    }

    @Override
    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(userId)), PushSubscriptionsDocument.class).getDeletedCount();
    }
}
