package org.mhconnect.journal.outbox;

/** Tells the relay whether the thing a staged event describes was written. Looks up by id only. */
public interface AggregateExistence {

    boolean exists(String aggregateId);
}
