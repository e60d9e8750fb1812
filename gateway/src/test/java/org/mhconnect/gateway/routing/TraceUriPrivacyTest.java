package org.mhconnect.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

/** A span of a routed request never keeps the query string, where a journal search's words would be. */
class TraceUriPrivacyTest {

    @Test
    void theQueryIsCutFromTheRecordedUri() {
        Observation.Context context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.uri", "http://journal:8082/api/journal/entries?q=lonely+at+night"));

        TraceUriPrivacy.withoutQuery(context);

        assertThat(context.getHighCardinalityKeyValue("http.uri").getValue()).isEqualTo("http://journal:8082/api/journal/entries");
    }

    @Test
    void aUriWithoutQueryStaysAsItIs() {
        Observation.Context context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.uri", "http://content:8081/api/content/items"));

        TraceUriPrivacy.withoutQuery(context);

        assertThat(context.getHighCardinalityKeyValue("http.uri").getValue()).isEqualTo("http://content:8081/api/content/items");
    }
}
