package org.mhconnect.kafkaevents;

import org.mhconnect.events.DomainEvent;

/** The broker did not acknowledge an event in time. The message names the event, never its contents. */
public class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(String topic, DomainEvent event, Throwable cause) {
        super("Event " + event.eventId() + " was not acknowledged on " + topic, cause);
    }
}
