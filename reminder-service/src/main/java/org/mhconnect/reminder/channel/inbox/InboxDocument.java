package org.mhconnect.reminder.channel.inbox;

import java.time.Instant;
import java.util.List;

import org.mhconnect.reminder.dispatch.Notice;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's in-app inbox ({@code _id} = user id): the newest 200 items, oldest first, so reading it is one lookup by
 * id and an item's place in the list is its order.
 */
@Document("inboxes")
record InboxDocument(@Id String userId, List<Item> items) {

    /**
     * @param id     {@code <created epoch millis, 13 digits>-<occurrence hash>}: ordered like the list, and the SSE
     *               event id, so {@code Last-Event-ID} says where a stream resumes
     * @param links  the same one-click actions as an e-mail carries; none for a skipped occurrence
     * @param skipped the code of the reason ({@code already-journaled}, …) when the occurrence was skipped, not sent
     */
    record Item(String id, String occurrenceId, String reminderId, String kind, String title, String message,
            String practiceSlug, Instant scheduledAt, Instant createdAt, boolean read, Notice.Links links,
            String skipped) {
    }
}
