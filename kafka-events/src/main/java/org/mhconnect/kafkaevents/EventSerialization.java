package org.mhconnect.kafkaevents;

import java.util.HashMap;

import org.mhconnect.events.EventTypes;
import org.springframework.kafka.support.mapping.DefaultJacksonJavaTypeMapper;
import org.springframework.kafka.support.mapping.JacksonJavaTypeMapper;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * JSON (Jackson 3) serialisers whose type header carries the logical event type, such as
 * {@code journal.entry-recorded}, never a Java class name.
 */
public final class EventSerialization {

    /** Serialises event records, writing the logical type id into the type header. */
    public static <T> JacksonJsonSerializer<T> serializer() {
        return new JacksonJsonSerializer<T>().typeMapper(typeMapper());
    }

    /**
     * Deserialises by logical type id. A record that cannot be read does not stop the consumer: it reaches
     * the error handler, which sends it to the dead-letter topic.
     */
    public static ErrorHandlingDeserializer<Object> deserializer() {
        JacksonJsonDeserializer<Object> json = new JacksonJsonDeserializer<>().typeMapper(typeMapper());
        return new ErrorHandlingDeserializer<>(json);
    }

    static DefaultJacksonJavaTypeMapper typeMapper() {
        DefaultJacksonJavaTypeMapper mapper = new DefaultJacksonJavaTypeMapper();
        mapper.setIdClassMapping(new HashMap<String, Class<?>>(EventTypes.CLASSES));
        mapper.addTrustedPackages("org.mhconnect.events");
        // The default (INFERRED) would ignore the header and expect a target type: the header decides here.
        mapper.setTypePrecedence(JacksonJavaTypeMapper.TypePrecedence.TYPE_ID);
        return mapper;
    }

    private EventSerialization() {
    }
}
