package org.mhconnect.events.user;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/** A profile changed; the event carries the whole current profile, so consumers need no history. */
public record UserProfileChanged(UUID eventId, Instant occurredAt, String userId, String email, String displayName,
        String timeZone, String locale) implements DomainEvent {
}
