package org.mhconnect.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.mhconnect.events.Topics;

/**
 * Creates the topics that services exchange events on, as their owners would at their own start. In a test
 * only one service runs, so the topics it reads or writes but does not own must exist before it starts.
 */
final class SharedTopics {

    static final List<String> NAMES = List.of(Topics.USERS, Topics.ERASURES, Topics.JOURNAL, Topics.CONTENT);

    static void ensure(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (String name : NAMES) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
                }
                catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name + " for tests", ex);
                    }
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private SharedTopics() {
    }
}
