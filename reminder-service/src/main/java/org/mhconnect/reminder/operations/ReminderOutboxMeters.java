package org.mhconnect.reminder.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.mhconnect.operations.MongoOutbox;
import org.mhconnect.operations.OutboxGauges;
import org.mhconnect.operations.Sampler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Backlog and age of the schedule outbox (reminders whose latest state Kafka has not acknowledged), sampled in the
 * background. The engine's and the dispatcher's meters are in {@code EngineMetrics} and {@code DeliveryMetrics}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderOutboxMeters {

    @Bean
    OutboxGauges scheduleOutboxGauges(MeterRegistry registry, Sampler sampler, MongoTemplate mongo) {
        return OutboxGauges.register(registry, sampler, "schedules",
                MongoOutbox.backlog(mongo.getCollection("schedule_outbox"), "stagedAt"));
    }
}
