package org.mhconnect.content.library;

import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentEvent;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's search index current. Every instance must see every content event, so each listens in a
 * consumer group of its own (a random id, from the newest offset: the index was just rebuilt from MongoDB). An
 * event is only a signal: the item is read again by id, so an event that arrives twice or out of order still
 * leaves the index matching MongoDB.
 */
@Component
@KafkaListener(id = "content-search-index", topics = Topics.CONTENT,
        groupId = "content-search-${random.uuid}", properties = "auto.offset.reset=latest")
class LibraryIndexUpdates {

    private final LibraryIndex index;

    LibraryIndexUpdates(LibraryIndex index) {
        this.index = index;
    }

    @KafkaHandler
    void changed(ContentEvent event) {
        index.refresh(event.slug());
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        // Only content events travel on this topic.
    }
}
