package org.mhconnect.journal.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.mhconnect.operations.MongoOutbox;
import org.mhconnect.operations.OutboxGauges;
import org.mhconnect.operations.Sampler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * journal-service's outbox meters: backlog and age of the event outbox, sampled in the background. (Crisis
 * detection time is timed where it happens, in {@code CrisisSupport}.)
 */
@Configuration(proxyBeanMethods = false)
class JournalMeters {

    @Bean
    OutboxGauges journalOutboxGauges(MeterRegistry registry, Sampler sampler, MongoTemplate mongo) {
        return OutboxGauges.register(registry, sampler, "journal", MongoOutbox.backlog(mongo.getCollection("outbox"), "stagedAt"));
    }
}
