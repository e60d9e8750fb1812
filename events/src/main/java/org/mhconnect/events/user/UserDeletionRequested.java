package org.mhconnect.events.user;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/** A person asked for their account to be deleted: every service erases what it holds and confirms. */
public record UserDeletionRequested(UUID eventId, Instant occurredAt, String userId) implements DomainEvent {
}
