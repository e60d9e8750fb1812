package org.mhconnect.kafkaevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.springframework.mock.env.MockEnvironment;

/** The catalogue names every topic once, and gives each service the topics it created with beans of its own before. */
class EventTopicTest {

    @Test
    void everyTopicInTopicsIsInTheCatalogueOnce() {
        List<String> names = Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(EventTopicTest::value).toList();

        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::topicName)).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void eachServiceCreatesTheTopicsItOwnsAndTheDeadLettersOfWhatItReads() {
        assertThat(created("gateway")).containsOnlyKeys("mhc.users", "mhc.erasures", "mhc.erasures.gateway.dlt");
        assertThat(created("content-service")).containsOnlyKeys("mhc.content", "mhc.users.content-service.dlt",
                "mhc.content.content-service.dlt");
        assertThat(created("journal-service")).containsOnlyKeys("mhc.journal", "mhc.users.journal-service.dlt");
        assertThat(created("reminder-service")).containsOnlyKeys("mhc.reminders.schedules", "mhc.reminders.due",
                "mhc.notifications", "mhc.users.reminder-service.dlt", "mhc.content.reminder-service.dlt",
                "mhc.journal.reminder-service.dlt", "mhc.reminders.due.reminder-service.dlt",
                "mhc.notifications.reminder-service.dlt");
    }

    @Test
    void topicsTakeTheServicesPartitionsAndReplicasAndTheSchedulesAreCompacted() {
        Map<String, NewTopic> topics = created("reminder-service");

        assertThat(topics.values()).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 2);
        });
        assertThat(topics.get("mhc.reminders.schedules").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("mhc.reminders.due").configs()).isNullOrEmpty();
    }

    @Test
    void theServiceIsTheApplicationsName() {
        assertThat(EventTopic.createdBy(new MockEnvironment().withProperty("spring.application.name", "journal-service"),
                3, (short) 1)).isNotNull();
        assertThatThrownBy(() -> EventTopic.createdBy(new MockEnvironment(), 3, (short) 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aServiceTheCatalogueDoesNotKnowIsAMistake() {
        assertThatThrownBy(() -> EventTopic.createdBy(new MockEnvironment().withProperty("spring.application.name", "journal"),
                3, (short) 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, NewTopic> created(String service) {
        return EventTopic.createdBy(service, 6, (short) 2).stream()
                .collect(Collectors.toMap(NewTopic::name, topic -> topic));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
