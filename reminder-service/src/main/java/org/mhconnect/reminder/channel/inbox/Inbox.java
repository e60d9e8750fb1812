package org.mhconnect.reminder.channel.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.mhconnect.reminder.definition.Channel;
import org.mhconnect.reminder.dispatch.Attempt;
import org.mhconnect.reminder.dispatch.ChannelSender;
import org.mhconnect.reminder.dispatch.Notice;
import org.mhconnect.reminder.dispatch.SkippedOccurrence;
import org.mhconnect.reminder.dispatch.SkippedOccurrences;
import org.mhconnect.reminder.preferences.PreferencesDocument;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The in-app channel: an item in the person's inbox, which live views receive through SSE. The inbox also keeps the
 * occurrences that were skipped, with their reason, as read items.
 */
@Component
public class Inbox implements ChannelSender, SkippedOccurrences, org.mhconnect.reminder.occurrence.OccurrenceDone {

    static final int KEPT = 200;

    private final MongoTemplate mongo;
    private final Clock clock;

    Inbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    /** Adds the item once: a second attempt for the same occurrence finds it there. */
    @Override
    public Attempt send(Notice notice, PreferencesDocument preferences) {
        Instant now = clock.instant();
        return new Attempt.Sent(keep(notice.userId(), new InboxDocument.Item(idOf(now, notice.occurrenceId()),
                notice.occurrenceId(), notice.reminderId(), notice.kind(), notice.title(), notice.message(),
                notice.practiceSlug(), notice.local().toInstant(), now, false, notice.links(), null)));
    }

    /**
     * Keeps a skipped occurrence in the inbox's history, already read: it says what did not come and why, without
     * asking for attention (nothing goes to the live stream either).
     */
    @Override
    public void skipped(SkippedOccurrence skipped) {
        Instant now = clock.instant();
        keep(skipped.userId(), new InboxDocument.Item(idOf(now, skipped.occurrenceId()), skipped.occurrenceId(),
                skipped.reminderId(), skipped.words().kind(), skipped.words().title(), skipped.words().message(),
                skipped.words().practiceSlug(), skipped.scheduledAt(), now, true, null, skipped.reason().code()));
    }

    private static String idOf(Instant now, String occurrenceId) {
        return String.format("%013d-%s", now.toEpochMilli(),
                UUID.nameUUIDFromBytes(occurrenceId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().substring(0, 8));
    }

    /** Adds the item once per occurrence, and answers the id it has there. */
    private String keep(String userId, InboxDocument.Item item) {
        Query notYet = Query.query(Criteria.where("_id").is(userId).and("items.occurrenceId").ne(item.occurrenceId()));
        try {
            mongo.upsert(notYet, new Update().push("items").slice(-KEPT).each(item), InboxDocument.class);
            return item.id();
        }
        catch (DuplicateKeyException ex) {
            return existing(userId, item.occurrenceId());
        }
    }

    private String existing(String userId, String occurrenceId) {
        return items(userId).stream().filter(item -> item.occurrenceId().equals(occurrenceId)).map(InboxDocument.Item::id)
                .findFirst().orElse(null);
    }

    /** Oldest first, as stored. */
    List<InboxDocument.Item> items(String userId) {
        InboxDocument inbox = mongo.findById(userId, InboxDocument.class);
        return inbox == null || inbox.items() == null ? List.of() : inbox.items();
    }

    /** Newest first. */
    List<InboxDocument.Item> newestFirst(String userId) {
        return items(userId).stream().sorted(Comparator.comparing(InboxDocument.Item::id).reversed()).toList();
    }

    /** The items after the one a stream last received, oldest first; all unread ones when it is unknown. */
    List<InboxDocument.Item> after(String userId, String lastEventId) {
        List<InboxDocument.Item> items = items(userId);
        if (lastEventId == null || lastEventId.isBlank()) {
            return List.of();
        }
        // A skipped occurrence is history, not news: it is never sent to a live view.
        return items.stream().filter(item -> item.id().compareTo(lastEventId) > 0 && item.skipped() == null).toList();
    }

    java.util.Optional<InboxDocument.Item> item(String userId, String id) {
        return items(userId).stream().filter(item -> item.id().equals(id)).findFirst();
    }

    boolean markRead(String userId, String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(userId).and("items.id").is(id)),
                new Update().set("items.$.read", true), InboxDocument.class).getMatchedCount() > 0;
    }

    /** "Done" on a push notification: the occurrence's inbox item, if it has one, is read. */
    @Override
    public void done(String userId, String occurrenceId) {
        String id = existing(userId, occurrenceId);
        if (id != null) {
            markRead(userId, id);
        }
    }

    void markAllRead(String userId) {
        List<InboxDocument.Item> items = items(userId);
        for (InboxDocument.Item item : items) {
            if (!item.read()) {
                markRead(userId, item.id());
            }
        }
    }

    public long eraseAllOf(String userId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(userId)), InboxDocument.class).getDeletedCount();
    }
}
