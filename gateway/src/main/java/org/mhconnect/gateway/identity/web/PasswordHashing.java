package org.mhconnect.gateway.identity.web;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Argon2id through Spring Security's encoder. Hashing is deliberately slow, so it runs off the event loop.
 */
@Component
class PasswordHashing {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String decoy = encoder.encode("a password nobody has, for unknown e-mail addresses");

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Spends the same time as a real check, so that response time does not reveal whether an account exists. */
    Mono<Boolean> matchesNothing(String password) {
        return matches(password, decoy).map(ignored -> false);
    }
}
