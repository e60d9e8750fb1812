package org.mhconnect.outbox;

/**
 * Whether the change a staged event describes was written. The relay publishes a staged event only when it was,
 * and drops it when it still was not after {@link OutboxSettings#abandonAfter()}: the process stopped between
 * staging and writing. Looks up by id only (the entry's {@code _id}, or the item's {@code _id} with the event id in
 * its recent events), so it needs no secondary index.
 */
@FunctionalInterface
public interface ChangeCheck {

    boolean written(StagedEvent staged);
}
