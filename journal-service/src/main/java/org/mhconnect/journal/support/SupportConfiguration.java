package org.mhconnect.journal.support;

import org.mhconnect.journal.support.detection.CrisisDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupportConfiguration {

    /** Loaded while the context starts, so readiness waits for the sentence model. */
    @Bean(destroyMethod = "close")
    CrisisDetector crisisDetector() {
        return CrisisDetector.load();
    }
}
