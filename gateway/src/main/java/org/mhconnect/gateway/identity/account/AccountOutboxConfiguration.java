package org.mhconnect.gateway.identity.account;

import java.time.Clock;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.kafkaevents.EventTracing;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.OutboxSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account events are never lost: the shared outbox ({@code account_outbox}), as journal-service and content-service
 * use it. The outbox is blocking (MongoDB's synchronous driver); {@link AccountAnnouncements} calls it off the event
 * loop. The relay publishes a staged event once the account change it describes is written ({@link AccountChange}),
 * and drops it when the change never was.
 */
@Configuration(proxyBeanMethods = false)
class AccountOutboxConfiguration {

    static final String COLLECTION = "account_outbox";

    @Bean
    Outbox accountOutbox(MongoTemplate mongo, EventPublisher publisher, JsonMapper json, Clock clock, EventTracing tracing,
            GatewayProperties properties) {
        GatewayProperties.Outbox settings = properties.outbox();
        return new Outbox(mongo, publisher, json, clock, tracing,
                new OutboxSettings(COLLECTION, settings.relayAfter(), settings.abandonAfter(), settings.relayEvery()),
                staged -> {
                    AccountChange change = AccountChange.parse(staged.aggregateId());
                    return change.written(mongo.findById(change.userId(), AccountDocument.class));
                });
    }
}
