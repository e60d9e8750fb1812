package org.mhconnect.reminder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.mhconnect.events.Topics;
import org.mhconnect.testsupport.TestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Creates the topics reminder-service reads but does not own, as their owners would at their own start, so
 * that a test does not depend on which service happened to start first.
 */
public final class UpstreamTopicsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.JOURNAL, 3, (short) 1))).all().get();
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the journal topic for tests", ex);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
