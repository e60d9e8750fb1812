package org.mhconnect.events.user;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/** Someone created an account. Reminder-service uses the address and time zone for its defaults. */
public record UserRegistered(UUID eventId, Instant occurredAt, String userId, String email, String displayName,
        String timeZone, String locale) implements DomainEvent {
}
