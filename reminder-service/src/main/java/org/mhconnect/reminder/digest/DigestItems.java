package org.mhconnect.reminder.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.events.content.ContentUpdated;
import org.mhconnect.events.content.ContentWithdrawn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The library items published lately, newest first, in one document ({@code digest_items}, {@code _id = "recent"}):
 * the digest job reads it once per run. An event older than what is known of its item (by the item's version)
 * changes nothing, so a redelivered or replayed event is harmless. A withdrawn item stays as a marker, so that an
 * older event of it cannot bring it back, and is never listed. Instances that read different partitions change the
 * document by compare-and-set on its revision.
 */
@Component
class DigestItems {

    static final String RECENT = "recent";
    static final int KEPT = 100;
    private static final int TRIES = 20;

    private final MongoTemplate mongo;

    DigestItems(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param publishedAt when readers first saw it; for a withdrawn item of which nothing else was known, when it went
     * @param withdrawn   taken down: kept only as a marker of its version
     */
    record Item(String slug, String type, String title, String summary, int minutes, Instant publishedAt, long version,
            boolean withdrawn) {
    }

    @Document("digest_items")
    record Recent(@Id String id, List<Item> items, long revision) {
    }

    void published(ContentPublished event) {
        apply(event.slug(), event.version(), known -> new Item(event.slug(), event.type(), event.title(), event.summary(),
                event.minutes(), event.publishedAt(), event.version(), false));
    }

    /** Readers see the new version: its words replace the old ones (and a re-published item is listed again). */
    void updated(ContentUpdated event) {
        apply(event.slug(), event.version(), known -> new Item(event.slug(), event.type(), event.title(), event.summary(),
                event.minutes(), event.publishedAt(), event.version(), false));
    }

    void withdrawn(ContentWithdrawn event) {
        apply(event.slug(), event.version(), known -> new Item(event.slug(), event.type(), null, null, 0,
                known == null ? event.occurredAt() : known.publishedAt(), event.version(), true));
    }

    /** The items readers can see that were published after {@code from} and not after {@code to}, newest first. */
    List<Item> publishedBetween(Instant from, Instant to) {
        return items().stream()
                .filter(item -> !item.withdrawn() && item.publishedAt() != null)
                .filter(item -> item.publishedAt().isAfter(from) && !item.publishedAt().isAfter(to))
                .toList();
    }

    Optional<Item> item(String slug) {
        return items().stream().filter(item -> item.slug().equals(slug)).findFirst();
    }

    private List<Item> items() {
        Recent recent = mongo.findById(RECENT, Recent.class);
        return recent == null || recent.items() == null ? List.of() : recent.items();
    }

    private void apply(String slug, long version, UnaryOperator<Item> change) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Recent current = mongo.findById(RECENT, Recent.class);
            List<Item> items = current == null || current.items() == null ? List.of() : current.items();
            Item known = items.stream().filter(item -> item.slug().equals(slug)).findFirst().orElse(null);
            if (known != null && known.version() >= version) {
                return; // Seen already, or older than what is known.
            }
            List<Item> next = new ArrayList<>(items);
            next.remove(known);
            next.add(change.apply(known));
            next.sort(Comparator.comparing(Item::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
            List<Item> kept = List.copyOf(next.subList(0, Math.min(KEPT, next.size())));
            if (current == null) {
                try {
                    mongo.insert(new Recent(RECENT, kept, 1));
                    return;
                }
                catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            boolean written = mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(RECENT).and("revision").is(current.revision())),
                    new Update().set("items", kept).set("revision", current.revision() + 1), Recent.class)
                    .getModifiedCount() > 0;
            if (written) {
                return;
            }
        }
        throw new IllegalStateException("The recent library items stayed contended; the event will be retried");
    }
}
