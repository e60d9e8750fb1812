package org.mhconnect.events.content;

import org.mhconnect.events.DomainEvent;

/**
 * An event about one item of the library. Unlike a person's events these are keyed by {@link #slug()}, so every
 * change to one item stays in order; {@link #userId()} is the editor who made the change.
 */
public sealed interface ContentEvent extends DomainEvent permits ContentPublished, ContentUpdated, ContentWithdrawn {

    String slug();

    /** The item's version after the change; a consumer may ignore an event older than what it has seen. */
    long version();
}
