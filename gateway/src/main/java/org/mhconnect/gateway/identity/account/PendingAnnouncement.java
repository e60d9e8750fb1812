package org.mhconnect.gateway.identity.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account change whose event Kafka has not acknowledged yet. It is written before the change and removed once the
 * event is out, so a crash or a broker outage in between leaves it here for {@link AccountAnnouncements} to announce
 * again. Holds ids only. The collection holds only pending work, so the relay's scan of it stays small (the index on
 * {@code stagedAt} is for a real MongoDB).
 *
 * @param id       the event's id, kept when it is announced again
 * @param userId   whose account
 * @param kind     which event
 * @param stagedAt when the change was about to be written
 * @param traceparent the W3C trace context of the request that made the change, continued when it is announced again;
 *                 {@code null} on changes staged before tracing
 */
@Document("account_announcements")
public record PendingAnnouncement(@Id String id, String userId, Kind kind, @Indexed Instant stagedAt, String traceparent) {

    public enum Kind {
        REGISTERED, PROFILE_CHANGED, EMAIL_VERIFIED
    }
}
