package org.mhconnect.journal.storage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Local dates and times are stored with the MongoDB driver's own java.time codecs, which read and write in
 * UTC. Spring Data's default conversion goes through the JVM's time zone, which would move a person's
 * local day when the server's zone changes or falls into a daylight-saving gap.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }
}
