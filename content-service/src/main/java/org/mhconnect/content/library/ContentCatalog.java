package org.mhconnect.content.library;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Finds published items for readers, newest first. */
@Component
class ContentCatalog {

    private final MongoTemplate mongo;

    ContentCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A published item by its slug; a lookup by {@code _id}. */
    Optional<ContentItemDocument> published(String slug) {
        return Optional.ofNullable(mongo.findById(slug, ContentItemDocument.class))
                .filter(item -> item.status() == ContentItemDocument.ContentStatus.PUBLISHED);
    }

    /** Summaries of the published items among these slugs, in the order given; one {@code $in} on {@code _id}. */
    List<ItemSummary> publishedAmong(List<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, ContentItemDocument> found = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(slugs)), ContentItemDocument.class).stream()
                .filter(item -> item.status() == ContentItemDocument.ContentStatus.PUBLISHED)
                .forEach(item -> found.put(item.slug(), item));
        return slugs.stream().filter(found::containsKey).map(found::get).map(ItemSummary::of).toList();
    }

    List<ContentItemDocument> publishedOfType(ContentType type) {
        Criteria criteria = Criteria.where("status").is(ContentItemDocument.ContentStatus.PUBLISHED);
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        return mongo.find(Query.query(criteria), ContentItemDocument.class);
    }

    /** Up to three other published items that share the most habits and topics with this one. */
    List<ItemDetail.Related> relatedTo(ContentItemDocument item) {
        java.util.Set<String> mine = new java.util.HashSet<>();
        mine.addAll(item.habits() == null ? List.of() : item.habits());
        mine.addAll(item.topics() == null ? List.of() : item.topics());
        return publishedOfType(null).stream()
                .filter(other -> !other.slug().equals(item.slug()))
                .map(other -> {
                    java.util.Set<String> theirs = new java.util.HashSet<>();
                    theirs.addAll(other.habits() == null ? List.of() : other.habits());
                    theirs.addAll(other.topics() == null ? List.of() : other.topics());
                    theirs.retainAll(mine);
                    return java.util.Map.entry(theirs.size(), other);
                })
                .filter(scored -> scored.getKey() > 0)
                .sorted(java.util.Comparator.<java.util.Map.Entry<Integer, ContentItemDocument>>comparingInt(java.util.Map.Entry::getKey)
                        .reversed().thenComparing(scored -> scored.getValue().slug()))
                .limit(3)
                .map(scored -> new ItemDetail.Related(scored.getValue().slug(), scored.getValue().type().name().toLowerCase(),
                        scored.getValue().title()))
                .toList();
    }

    ItemPage published(ContentType type, String topic, String habit, int page, int size) {
        Criteria criteria = Criteria.where("status").is(ContentItemDocument.ContentStatus.PUBLISHED);
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (topic != null) {
            criteria = criteria.and("topics").is(topic);
        }
        if (habit != null) {
            criteria = criteria.and("habits").is(habit);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, ContentItemDocument.class);
        query.with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size);
        List<ItemSummary> items = mongo.find(query, ContentItemDocument.class).stream()
                .map(ItemSummary::of)
                .toList();
        return new ItemPage(items, page, size, total);
    }
}
