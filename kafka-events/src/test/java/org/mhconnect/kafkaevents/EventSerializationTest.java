package org.mhconnect.kafkaevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.journal.JournalEntryRecorded;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

class EventSerializationTest {

    static final JournalEntryRecorded ENTRY_RECORDED = new JournalEntryRecorded(UUID.randomUUID(),
            Instant.parse("2026-03-29T07:30:00Z"), "user-1", "entry-1", LocalDate.parse("2026-03-29"), 4,
            List.of("calm", "hopeful"));

    @Test
    void writesTheLogicalTypeNameAsTypeIdNeverTheClassName() {
        Headers headers = new RecordHeaders();
        try (JacksonJsonSerializer<Object> serializer = EventSerialization.serializer()) {
            serializer.configure(Map.of(), false);
            serializer.serialize("mhc.journal", headers, ENTRY_RECORDED);
        }
        String typeId = new String(headers.lastHeader("__TypeId__").value(), StandardCharsets.UTF_8);
        assertThat(typeId).isEqualTo("journal.entry-recorded");
    }

    @Test
    void readsAnEventBackIntoItsRecordByLogicalType() {
        Headers headers = new RecordHeaders();
        byte[] bytes;
        try (JacksonJsonSerializer<Object> serializer = EventSerialization.serializer()) {
            serializer.configure(Map.of(), false);
            bytes = serializer.serialize("mhc.journal", headers, ENTRY_RECORDED);
        }
        try (ErrorHandlingDeserializer<Object> deserializer = EventSerialization.deserializer()) {
            deserializer.configure(Map.of(), false);
            assertThat(deserializer.deserialize("mhc.journal", headers, bytes)).isEqualTo(ENTRY_RECORDED);
        }
    }

    @Test
    void carriesNoFieldThatCouldHoldJournalText() {
        assertThat(JournalEntryRecorded.class.getRecordComponents())
                .extracting(component -> component.getName())
                .doesNotContain("body", "title", "text", "reframe", "tags");
    }
}
