package org.mhconnect.content.editor;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.mhconnect.content.library.ContentItemDocument;
import org.mhconnect.content.library.ContentItemDocument.ContentStatus;
import org.mhconnect.content.library.ContentType;
import org.mhconnect.content.library.LibraryIndex;
import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentEvent;
import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.events.content.ContentUpdated;
import org.mhconnect.events.content.ContentWithdrawn;
import org.mhconnect.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The editor's workflow: draft, edit, publish now or later, withdraw. Every change names the version the editor
 * read and is written only if the item is still at that version, in one conditional single-document update, so two
 * editors can never overwrite each other: the second gets a 409 with the current version. A change readers can see
 * goes out as a content event through the outbox ({@link ContentOutboxConfiguration}).
 */
@Service
class Editing {

    private static final Logger log = LoggerFactory.getLogger(Editing.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final PublishingSchedule schedule;
    private final LibraryIndex index;
    private final Clock clock;

    Editing(MongoTemplate mongo, Outbox outbox, PublishingSchedule schedule, LibraryIndex index, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.schedule = schedule;
        this.index = index;
        this.clock = clock;
    }

    ContentItemDocument get(String slug) {
        ContentItemDocument item = mongo.findById(slug, ContentItemDocument.class);
        if (item == null) {
            throw EditorProblemsException.notFound();
        }
        return item;
    }

    /** Every item in every state, most recently changed first; a scan, for the few people who edit. */
    List<ContentItemDocument> all(ContentStatus status) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return mongo.find(query, ContentItemDocument.class).stream()
                .sorted(Comparator.comparing((ContentItemDocument item) -> item.updatedAt() == null ? item.publishedAt() : item.updatedAt(),
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ContentItemDocument::slug))
                .toList();
    }

    /** A new draft, invisible to readers. Its slug comes from the title when none is given. */
    ContentItemDocument create(ItemDraft draft, String editor) {
        if (draft.version() != null) {
            throw EditorProblemsException.invalid("A new draft has no version yet; leave 'version' out.");
        }
        Drafts.check(draft);
        String slug = draft.slug() != null ? draft.slug() : Drafts.slugOf(draft.title());
        Instant now = clock.instant();
        ContentItemDocument item = new ContentItemDocument(slug, Drafts.type(draft), draft.title().strip(), Drafts.summary(draft),
                draft.body(), draft.topicsOrEmpty(), draft.habitsOrEmpty(), Drafts.minutes(draft), Drafts.author(draft), Drafts.steps(draft),
                ContentStatus.DRAFT, null, null, now, editor, List.of(), 0L);
        try {
            mongo.insert(item);
        }
        catch (DuplicateKeyException ex) {
            throw EditorProblemsException.slugTaken(slug);
        }
        return get(slug);
    }

    /** Changes an item's words and settings; a published item's readers see the change at once (content.updated). */
    ContentItemDocument update(String slug, ItemDraft draft, String editor) {
        if (draft.version() == null) {
            throw EditorProblemsException.invalid("Say which version you changed: 'version' is required.");
        }
        if (draft.slug() != null && !draft.slug().equals(slug)) {
            throw EditorProblemsException.invalid("The slug of an item cannot change.");
        }
        Drafts.check(draft);
        ContentItemDocument current = at(slug, draft.version());
        Instant now = clock.instant();
        Update update = new Update()
                .set("type", Drafts.type(draft))
                .set("title", draft.title().strip())
                .set("summary", Drafts.summary(draft))
                .set("body", draft.body())
                .set("topics", draft.topicsOrEmpty())
                .set("habits", draft.habitsOrEmpty())
                .set("minutes", Drafts.minutes(draft))
                .set("author", Drafts.author(draft))
                .set("steps", Drafts.steps(draft))
                .set("updatedAt", now)
                .set("updatedBy", editor);
        Function<ContentItemDocument, ContentEvent> event = current.status() != ContentStatus.PUBLISHED ? null
                : changed -> updated(changed, editor, now);
        return write(current, update, event);
    }

    /**
     * Publishes now, or schedules: a time in the future makes the item {@code SCHEDULED}, and
     * {@link PublishingSchedule} publishes it when the time comes.
     */
    ContentItemDocument publish(String slug, PublishRequest request, String editor) {
        ContentItemDocument current = at(slug, request.version());
        Instant now = clock.instant();
        if (current.status() == ContentStatus.PUBLISHED) {
            throw EditorProblemsException.wrongState("This item is already published.");
        }
        if (request.at() != null && request.at().isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            throw EditorProblemsException.invalid("A publication can be scheduled at most a year ahead.");
        }
        if (request.at() != null && request.at().isAfter(now)) {
            schedule.add(slug, request.at());
            return write(current, new Update()
                    .set("status", ContentStatus.SCHEDULED)
                    .set("publishAt", request.at())
                    .set("updatedAt", now)
                    .set("updatedBy", editor), null);
        }
        ContentItemDocument published = publishNow(current, editor, now);
        schedule.remove(slug);
        return published;
    }

    /** Called by the schedule when a scheduled item's time has come; false when it changed meanwhile. */
    boolean publishScheduled(String slug, Instant now) {
        ContentItemDocument item = mongo.findById(slug, ContentItemDocument.class);
        if (item == null || item.status() != ContentStatus.SCHEDULED) {
            return false;
        }
        if (item.publishAt() != null && item.publishAt().isAfter(now)) {
            return false;
        }
        try {
            publishNow(item, item.updatedBy(), now);
            return true;
        }
        catch (StaleVersionException ex) {
            return false; // Another instance published it, or an editor changed it; the next round looks again.
        }
    }

    private ContentItemDocument publishNow(ContentItemDocument current, String editor, Instant now) {
        return write(current, new Update()
                .set("status", ContentStatus.PUBLISHED)
                .set("publishedAt", now)
                .unset("publishAt")
                .set("updatedAt", now)
                .set("updatedBy", editor), changed -> published(changed, editor, now));
    }

    /** Takes a published (or scheduled) item away from readers. */
    ContentItemDocument withdraw(String slug, VersionRequest request, String editor) {
        ContentItemDocument current = at(slug, request.version());
        if (current.status() != ContentStatus.PUBLISHED && current.status() != ContentStatus.SCHEDULED) {
            throw EditorProblemsException.wrongState("Only a published or scheduled item can be withdrawn.");
        }
        Instant now = clock.instant();
        ContentItemDocument withdrawn = write(current, new Update()
                .set("status", ContentStatus.WITHDRAWN)
                .unset("publishAt")
                .set("updatedAt", now)
                .set("updatedBy", editor),
                current.status() == ContentStatus.PUBLISHED ? changed -> withdrawn(changed, editor, now) : null);
        schedule.remove(slug);
        return withdrawn;
    }

    /** The item, if it is at this version: 404 when there is none, 409 with the current version when it moved on. */
    private ContentItemDocument at(String slug, long version) {
        ContentItemDocument current = get(slug);
        long now = current.version() == null ? 0 : current.version();
        if (now != version) {
            throw new StaleVersionException(now);
        }
        return current;
    }

    /**
     * Applies the change only if the item is still at {@code version}, and moves the version on. When readers can
     * see the change, its event is staged first, its id written with the change, and released after.
     */
    private ContentItemDocument write(ContentItemDocument current, Update update, Function<ContentItemDocument, ContentEvent> event) {
        String slug = current.slug();
        long version = current.version() == null ? 0 : current.version();
        update.inc("version", 1);
        ContentEvent staged = null;
        if (event != null) {
            // The event describes the item as this very write leaves it: its version is the next one.
            ContentItemDocument preview = preview(current, update);
            staged = event.apply(preview);
            outbox.stage(Topics.CONTENT, slug, staged, slug);
            update.push("recentEvents").slice(-20).each(staged.eventId().toString());
        }
        ContentItemDocument changed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(slug).and("version").is(version)), update,
                FindAndModifyOptions.options().returnNew(true), ContentItemDocument.class);
        if (changed == null) {
            if (staged != null) {
                outbox.drop(staged);
            }
            ContentItemDocument now = get(slug);
            throw new StaleVersionException(now.version() == null ? 0 : now.version());
        }
        if (staged != null) {
            outbox.release(Topics.CONTENT, slug, staged);
            index.refresh(slug); // This instance at once; the others when the event reaches them.
            log.info("{} {} at version {}", staged.getClass().getSimpleName(), slug, changed.version());
        }
        return changed;
    }

    /** What the item will look like after the update: the current one with the update's fields applied. */
    private ContentItemDocument preview(ContentItemDocument current, Update update) {
        var set = update.getUpdateObject().get("$set", org.bson.Document.class);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> fields = set == null ? java.util.Map.of() : set;
        return new ContentItemDocument(current.slug(),
                (ContentType) fields.getOrDefault("type", current.type()),
                (String) fields.getOrDefault("title", current.title()),
                (String) fields.getOrDefault("summary", current.summary()),
                current.body(),
                castList(fields.getOrDefault("topics", current.topics())),
                castList(fields.getOrDefault("habits", current.habits())),
                (Integer) fields.getOrDefault("minutes", current.minutes()),
                current.author(), current.steps(),
                (ContentStatus) fields.getOrDefault("status", current.status()),
                (Instant) fields.getOrDefault("publishedAt", current.publishedAt()),
                null, null, null, List.of(), (current.version() == null ? 0 : current.version()) + 1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    private static ContentPublished published(ContentItemDocument item, String editor, Instant now) {
        return new ContentPublished(UUID.randomUUID(), now, editor, item.slug(), typeName(item), item.title(),
                item.summary(), item.topics(), item.habits(), item.minutes(), item.publishedAt(), item.version());
    }

    private static ContentUpdated updated(ContentItemDocument item, String editor, Instant now) {
        return new ContentUpdated(UUID.randomUUID(), now, editor, item.slug(), typeName(item), item.title(),
                item.summary(), item.topics(), item.habits(), item.minutes(), item.publishedAt(), item.version());
    }

    private static ContentWithdrawn withdrawn(ContentItemDocument item, String editor, Instant now) {
        return new ContentWithdrawn(UUID.randomUUID(), now, editor, item.slug(), typeName(item), item.version());
    }

    private static String typeName(ContentItemDocument item) {
        return item.type().name().toLowerCase(Locale.ROOT);
    }
}
