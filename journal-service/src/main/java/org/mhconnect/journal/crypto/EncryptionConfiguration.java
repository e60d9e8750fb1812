package org.mhconnect.journal.crypto;

import org.mhconnect.journal.JournalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The master key ring, and a rotation sweep once the service is up. */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    MasterKeyRing masterKeyRing(JournalProperties properties) {
        return MasterKeyRing.from(properties.encryption());
    }

    /**
     * After a rotation (a new active master key id), every data key still wrapped by an older master key is
     * rewrapped. Keys are also rewrapped lazily when read, so the sweep can be interrupted safely.
     */
    @EventListener(ApplicationReadyEvent.class)
    void rewrapAfterRotation(ApplicationReadyEvent ready) {
        DataKeys dataKeys = ready.getApplicationContext().getBean(DataKeys.class);
        Thread.ofVirtual().name("data-key-rewrap").start(() -> {
            try {
                int moved = dataKeys.rewrapAll();
                if (moved > 0) {
                    log.info("Rewrapped {} data keys under the active master key", moved);
                }
            }
            catch (RuntimeException ex) {
                log.warn("Rewrapping data keys stopped early and continues lazily: {}", ex.getMessage());
            }
        });
    }
}
