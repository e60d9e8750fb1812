package org.mhconnect.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How one service's outbox behaves.
 *
 * @param collection   the MongoDB collection of staged events
 * @param relayAfter   how old a staged event must be before the relay takes it over from the request that staged it
 * @param abandonAfter how long the relay waits for the change to be written before it drops the event
 * @param relayEvery   how often the relay looks (zero: never by itself, for tests that call {@link Outbox#relay()})
 */
public record OutboxSettings(String collection, Duration relayAfter, Duration abandonAfter, Duration relayEvery) {

    /** At most this many staged events are read per pass; the next pass takes the rest. */
    public static final int BATCH = 500;

    public OutboxSettings {
        Objects.requireNonNull(collection, "collection");
        if (relayAfter.isNegative() || abandonAfter.compareTo(relayAfter) <= 0 || relayEvery.isNegative()) {
            throw new IllegalArgumentException("An outbox needs 0 <= relayAfter < abandonAfter and relayEvery >= 0");
        }
    }
}
