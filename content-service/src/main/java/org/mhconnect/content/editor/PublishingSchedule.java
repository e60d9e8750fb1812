package org.mhconnect.content.editor;

import java.time.Clock;
import java.time.Instant;

import org.mhconnect.content.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled items when their time comes. {@code publishing_schedule} holds one small document per
 * scheduled item and nothing else, so reading it whole every few seconds stays cheap without a secondary index.
 * Every instance looks; the conditional version update in {@link Editing} lets exactly one of them publish, and
 * only that one sends {@code content.published}. An item is never published before its time.
 */
@Component
class PublishingSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PublishingSchedule.class);

    private final MongoTemplate mongo;
    private final ObjectProvider<Editing> editing;
    private final Clock clock;

    private final java.time.Duration checkEvery;

    PublishingSchedule(MongoTemplate mongo, ObjectProvider<Editing> editing, Clock clock, ContentProperties properties) {
        this.mongo = mongo;
        this.editing = editing;
        this.clock = clock;
        this.checkEvery = properties.publishing().checkEvery();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::publishDue, checkEvery, checkEvery));
    }

    @Document("publishing_schedule")
    record Scheduled(@Id String slug, Instant at) {
    }

    void add(String slug, Instant at) {
        mongo.save(new Scheduled(slug, at));
    }

    void remove(String slug) {
        mongo.remove(Query.query(Criteria.where("_id").is(slug)), Scheduled.class);
    }

    void publishDue() {
        Instant now = clock.instant();
        for (Scheduled due : mongo.findAll(Scheduled.class)) {
            if (due.at().isAfter(now)) {
                continue;
            }
            try {
                if (editing.getObject().publishScheduled(due.slug(), now)) {
                    log.info("Published scheduled item {}", due.slug());
                }
                // Published now, by another instance, or no longer scheduled: either way nothing is left to do.
                if (!stillScheduled(due.slug())) {
                    remove(due.slug());
                }
            }
            catch (RuntimeException ex) {
                log.warn("Scheduled item {} not published yet: {}", due.slug(), ex.getMessage());
            }
        }
    }

    private boolean stillScheduled(String slug) {
        return mongo.exists(Query.query(Criteria.where("_id").is(slug)
                .and("status").is(org.mhconnect.content.library.ContentItemDocument.ContentStatus.SCHEDULED)), "items");
    }
}
