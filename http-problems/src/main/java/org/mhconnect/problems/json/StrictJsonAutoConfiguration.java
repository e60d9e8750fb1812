package org.mhconnect.problems.json;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every application's {@link JsonMapper} reads strictly ({@link StrictJson}): the builder Spring Boot would make,
 * on a JSON factory with read limits, and made strict after Boot's own customizers ran.
 * {@code mhc.json.max-document-size} ({@link JsonLimits}, 2MB unless set) bounds one JSON document.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapper.class)
@EnableConfigurationProperties(JsonLimits.class)
public class StrictJsonAutoConfiguration {

    @Bean
    @Scope("prototype")
    @ConditionalOnMissingBean
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers,
            JsonLimits limits) {
        JsonMapper.Builder builder = JsonMapper.builder(StrictJson.factory(limits.maxDocumentSize().toBytes()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return new StrictJsonCustomizer();
    }

    /** Runs last, so that no property loosens what {@link StrictJson} makes strict. */
    static final class StrictJsonCustomizer implements JsonMapperBuilderCustomizer, Ordered {
        @Override
        public void customize(JsonMapper.Builder builder) {
            StrictJson.configure(builder);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
