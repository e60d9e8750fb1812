package org.mhconnect.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes in the Kafka protocol binding's binary mode: each attribute is a header named
 * {@code ce_<attribute>}, and the record value is the event's JSON.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_VALUE = "1.0";

    /** The headers for one event, in a stable order; {@code source} names the producing service. */
    public static Map<String, byte[]> of(DomainEvent event, String source) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ID, bytes(event.eventId().toString()));
        headers.put(TYPE, bytes(EventTypes.typeOf(event)));
        headers.put(SOURCE, bytes(source));
        headers.put(TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())));
        headers.put(SPEC_VERSION, bytes(SPEC_VERSION_VALUE));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private CloudEventHeaders() {
    }
}
