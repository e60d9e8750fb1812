package org.mhconnect.events.user;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * Someone followed the link mailed to their address at sign-up, so mail may now go there. Carries the address it
 * confirmed, so that a consumer can ignore a confirmation for an address the account no longer uses.
 */
public record UserEmailVerified(UUID eventId, Instant occurredAt, String userId, String email)
        implements DomainEvent {
}
