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

    /**
     * Exactly one Argon2 verification, against the account's hash or, when there is no account, against a decoy
     * made with the same parameters: a wrong password and an unknown address then cost the same time.
     */
    Mono<Boolean> matchesOrDecoy(String password, String hashOrNull) {
        return hashOrNull == null ? matches(password, decoy).map(ignored -> false) : matches(password, hashOrNull);
    }
}
