package org.mhconnect.reminder.journaling;

import org.mhconnect.events.Topics;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the journal topic. Only the day of an entry matters here: other journal events that this build knows
 * are read past. A record whose type this build does not know cannot be read at all, so it is parked on the
 * dead-letter topic rather than silently skipped.
 */
@Component
@KafkaListener(id = "reminder-journal-events", topics = Topics.JOURNAL, groupId = "reminder-service")
class JournalEventsListener {

    private static final Logger log = LoggerFactory.getLogger(JournalEventsListener.class);

    private final JournaledDays days;

    JournalEventsListener(JournaledDays days) {
        this.days = days;
    }

    @KafkaHandler
    void entryRecorded(JournalEntryRecorded event) {
        days.record(event);
        // Ids only; the line carries the trace of the request that wrote the entry (ce_traceparent).
        log.info("Recorded journaling day of entry {} from event {}", event.entryId(), event.eventId());
    }

    @KafkaHandler(isDefault = true)
    void otherJournalEvent(Object event) {
        // Check-ins and future journal events are not about reminders yet; reading past them is correct.
    }
}
