package org.mhconnect.gateway.identity.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account change whose event Kafka had not acknowledged yet, as gateways before the shared outbox staged it
 * ({@code account_announcements}). Read once at start by {@link LegacyAnnouncements}, which moves each into the
 * outbox; nothing writes it any more.
 *
 * @param id       the event's id, kept when it is announced
 * @param userId   whose account
 * @param kind     which event
 * @param stagedAt when the change was about to be written
 * @param traceparent the W3C trace context of the request that made the change; {@code null} on changes staged
 *                 before tracing
 */
@Document("account_announcements")
record PendingAnnouncement(@Id String id, String userId, Kind kind, Instant stagedAt, String traceparent) {

    enum Kind {
        REGISTERED, PROFILE_CHANGED, EMAIL_VERIFIED
    }
}
