package org.mhconnect.gateway.identity.deletion;

import java.time.Duration;

import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserDataErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Collects the services' {@code user.data-erased} answers, and asks again where an answer is overdue. */
@Component
@KafkaListener(id = "gateway-erasures", topics = Topics.ERASURES, groupId = "gateway")
class ErasureConfirmations {

    private static final Logger log = LoggerFactory.getLogger(ErasureConfirmations.class);

    private final AccountDeletion deletion;

    ErasureConfirmations(AccountDeletion deletion) {
        this.deletion = deletion;
    }

    @KafkaHandler
    void erased(UserDataErased erased) {
        // The listener thread may block; this is not the web event loop.
        deletion.confirm(erased).block(Duration.ofSeconds(30));
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        // Only erasure confirmations travel on this topic.
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void askAgainWhereOverdue() {
        deletion.unanswered()
                .concatMap(userId -> deletion.request(userId).then())
                .onErrorResume(ex -> {
                    log.warn("Could not announce an overdue deletion again: {}", ex.getMessage());
                    return reactor.core.publisher.Mono.empty();
                })
                .blockLast(Duration.ofMinutes(1));
    }
}
