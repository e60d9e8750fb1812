package org.mhconnect.events.user;

import java.time.Instant;
import java.util.UUID;

import org.mhconnect.events.DomainEvent;

/**
 * Someone created an account. Reminder-service uses the address and time zone for its defaults.
 *
 * <p>{@code emailVerified} is {@code false} for a sign-up whose address is not yet confirmed; reminder-service then
 * sends nothing by e-mail until {@link UserEmailVerified}. Events written before the field existed carry no value,
 * and those accounts count as verified.
 */
public record UserRegistered(UUID eventId, Instant occurredAt, String userId, String email, String displayName,
        String timeZone, String locale, Boolean emailVerified) implements DomainEvent {

    /** An account from before e-mail verification: its address counts as verified. */
    public UserRegistered(UUID eventId, Instant occurredAt, String userId, String email, String displayName,
            String timeZone, String locale) {
        this(eventId, occurredAt, userId, email, displayName, timeZone, locale, null);
    }

    /** Whether mail may go to the address: true unless the sign-up said it is not confirmed yet. */
    public boolean emailConfirmed() {
        return !Boolean.FALSE.equals(emailVerified);
    }
}
