package org.mhconnect.content.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mhconnect.operations.MongoOutbox;
import org.mhconnect.operations.OutboxGauges;
import org.mhconnect.operations.Sampler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * content-service's product meters, registered at start: {@code mhc.search.latency} (a histogram of library
 * searches, the query never recorded) and the content outbox's backlog and age, sampled in the background.
 */
@Component
public class ContentMeters {

    private final Timer searchLatency;

    ContentMeters(MeterRegistry registry, Sampler sampler, MongoTemplate mongo) {
        this.searchLatency = Timer.builder("mhc.search.latency").description("Time to answer a library search")
                .publishPercentileHistogram().register(registry);
        OutboxGauges.register(registry, sampler, "content",
                MongoOutbox.backlog(mongo.getCollection("content_outbox"), "stagedAt"));
    }

    public Timer searchLatency() {
        return searchLatency;
    }
}
