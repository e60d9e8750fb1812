package org.mhconnect.events.user;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * A service has erased everything it held for a person.
 *
 * @param service the confirming service, such as {@code journal-service}
 */
public record UserDataErased(UUID eventId, Instant occurredAt, String userId, String service) implements DomainEvent {
}
