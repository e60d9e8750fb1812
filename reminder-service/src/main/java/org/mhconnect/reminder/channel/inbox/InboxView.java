package org.mhconnect.reminder.channel.inbox;

import java.time.Instant;
import java.util.List;

import org.mhconnect.reminder.dispatch.Notice;

/** The inbox as the API shows it. */
record InboxView(List<Item> items, long unread) {

    record Item(String id, String reminderId, String kind, String title, String message, String practiceSlug,
            Instant scheduledAt, Instant createdAt, boolean read, Notice.Links links) {

        static Item of(InboxDocument.Item item) {
            return new Item(item.id(), item.reminderId(), item.kind(), item.title(), item.message(), item.practiceSlug(),
                    item.scheduledAt(), item.createdAt(), item.read(), item.links());
        }
    }
}
