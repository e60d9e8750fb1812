package org.mhconnect.reminder.digest;

import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.events.content.ContentUpdated;
import org.mhconnect.events.content.ContentWithdrawn;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the recently published library items for the weekly digest, from {@code mhc.content} (in a consumer group of
 * its own). A record that cannot be handled goes to {@code mhc.content.reminder-service.dlt} (kafka-events).
 */
@Component
@KafkaListener(id = "reminder-digest", topics = Topics.CONTENT, groupId = "reminder-digest")
class ContentEventsListener {

    private final DigestItems items;

    ContentEventsListener(DigestItems items) {
        this.items = items;
    }

    @KafkaHandler
    void published(ContentPublished event) {
        items.published(event);
    }

    @KafkaHandler
    void updated(ContentUpdated event) {
        items.updated(event);
    }

    @KafkaHandler
    void withdrawn(ContentWithdrawn event) {
        items.withdrawn(event);
    }

    @KafkaHandler(isDefault = true)
    void otherContentEvent(Object event) {
        // Content events this build does not list are read past.
    }
}
