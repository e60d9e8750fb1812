package org.mhconnect.gateway.routing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud Gateway's observation of a routed request records the whole request URI ({@code http.uri}), query
 * included, and the query can hold what a person typed (a journal search's {@code q}). Spans keep the path only.
 */
@Configuration(proxyBeanMethods = false)
class TraceUriPrivacy {

    static final String URI_KEY = "http.uri";

    @Bean
    ObservationFilter withoutQueryStrings() {
        return TraceUriPrivacy::withoutQuery;
    }

    static Observation.Context withoutQuery(Observation.Context context) {
        KeyValue uri = context.getHighCardinalityKeyValue(URI_KEY);
        if (uri != null && uri.getValue().contains("?")) {
            context.addHighCardinalityKeyValue(KeyValue.of(URI_KEY, uri.getValue().substring(0, uri.getValue().indexOf('?'))));
        }
        return context;
    }
}
