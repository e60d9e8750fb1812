package org.mhconnect.reminder.erasure;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.mhconnect.kafkaevents.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erases what reminder-service holds for a person who deleted their account, every {@link ReminderErasure} in turn,
 * then confirms with {@code user.data-erased}. Idempotent: a second request finds nothing and confirms again.
 */
@Component
public class AccountErasure {

    private static final Logger log = LoggerFactory.getLogger(AccountErasure.class);
    static final String SERVICE = "reminder-service";

    private final List<ReminderErasure> erasures;
    private final EventPublisher publisher;
    private final Clock clock;

    AccountErasure(List<ReminderErasure> erasures, EventPublisher publisher, Clock clock) {
        this.erasures = erasures;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void erase(String userId) {
        long removed = erasures.stream().mapToLong(erasure -> erasure.eraseAllOf(userId)).sum();
        log.info("Erased the reminder data of a deleted account ({} documents)", removed);
        publisher.publish(Topics.ERASURES, new UserDataErased(UUID.randomUUID(), clock.instant(), userId, SERVICE));
    }
}
