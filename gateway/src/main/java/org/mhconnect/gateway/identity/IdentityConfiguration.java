package org.mhconnect.gateway.identity;

import java.time.Duration;

import org.mhconnect.gateway.identity.token.SigningKeys;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Loads the signing keys before the gateway takes traffic, and picks up keys other instances rotated in. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdentityConfiguration {

    private final SigningKeys keys;

    IdentityConfiguration(SigningKeys keys) {
        this.keys = keys;
    }

    @Bean
    ApplicationRunner loadSigningKeys() {
        return args -> keys.load().block();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void reloadSigningKeys() {
        // Bounded, so that a stalled database cannot hold the scheduler thread that other tasks share.
        keys.load().block(Duration.ofSeconds(30));
    }
}
