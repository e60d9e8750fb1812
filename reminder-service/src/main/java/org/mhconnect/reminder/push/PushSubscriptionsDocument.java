package org.mhconnect.reminder.push;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's subscribed browsers: {@code _id} = user id, oldest first, changed only by a conditional update on
 * {@code version} so two devices subscribing at once both stay.
 */
@Document("push_subscriptions")
record PushSubscriptionsDocument(@Id String id, List<Device> devices, long version) {

    /**
     * @param endpoint the push service address the browser gave (unique per subscription)
     * @param p256dh   the browser's P-256 key, Base64url
     * @param auth     the browser's 16-byte authentication secret, Base64url
     */
    record Device(String endpoint, String p256dh, String auth, Instant subscribedAt) {
    }
}
