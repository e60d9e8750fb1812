package org.mhconnect.reminder.channel.inbox;

import java.time.Instant;
import java.util.List;

import org.mhconnect.reminder.definition.Skipped;
import org.mhconnect.reminder.dispatch.Notice;
import org.mhconnect.reminder.skip.SkipReason;

/** The inbox as the API shows it. */
record InboxView(List<Item> items, long unread) {

    /** @param skipped why it was not sent, when it was skipped; null for a reminder that arrived */
    record Item(String id, String reminderId, String kind, String title, String message, String practiceSlug,
            Instant scheduledAt, Instant createdAt, boolean read, Notice.Links links, Skipped skipped) {

        static Item of(InboxDocument.Item item) {
            return new Item(item.id(), item.reminderId(), item.kind(), item.title(), item.message(), item.practiceSlug(),
                    item.scheduledAt(), item.createdAt(), item.read(), item.links(),
                    item.skipped() == null ? null : SkipReason.fromCode(item.skipped()).map(Skipped::of).orElse(null));
        }
    }
}
