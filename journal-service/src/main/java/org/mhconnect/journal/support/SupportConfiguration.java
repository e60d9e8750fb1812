package org.mhconnect.journal.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    @Bean
    CrisisDetector crisisDetector() {
        return new CrisisDetector();
    }
}
