package org.mhconnect.gateway.operations;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.mhconnect.operations.OutboxGauges;
import org.mhconnect.operations.Sampler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The gateway's product meters, each registered at start: {@code mhc.signins{outcome}} (success, bad-credentials,
 * error), {@code mhc.ratelimit.refusals{limit}} (sign-in, api), and the account announcements outbox's backlog and
 * age, sampled in the background. No label ever names a person or an address.
 */
@Component
public class GatewayMeters {

    /** How a sign-in ended. */
    public enum SignIn {
        SUCCESS, BAD_CREDENTIALS, ERROR;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Which rate limit refused a request. */
    public enum Limit {
        SIGN_IN, API;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The account events' outbox (the shared {@code outbox} module's collection for the gateway). */
    static final String ANNOUNCEMENTS = "account_outbox";

    private final java.util.Map<SignIn, Counter> signIns = new java.util.EnumMap<>(SignIn.class);
    private final java.util.Map<Limit, Counter> refusals = new java.util.EnumMap<>(Limit.class);

    GatewayMeters(MeterRegistry registry, Sampler sampler, ReactiveMongoTemplate mongo) {
        for (SignIn outcome : SignIn.values()) {
            signIns.put(outcome, Counter.builder("mhc.signins").tag("outcome", outcome.label())
                    .description("Sign-in attempts by outcome").register(registry));
        }
        for (Limit limit : Limit.values()) {
            refusals.put(limit, Counter.builder("mhc.ratelimit.refusals").tag("limit", limit.label())
                    .description("Requests refused with 429 by a rate limit").register(registry));
        }
        // Sampled on the sampler's own thread, never on the event loop, so waiting here is fine.
        // Read by collection name, so that operations needs nothing of identity (identity counts sign-ins here).
        OutboxGauges.register(registry, sampler, "account-announcements", () -> new OutboxGauges.Backlog(
                mongo.count(new Query(), ANNOUNCEMENTS).block(Duration.ofSeconds(5)),
                mongo.findOne(new Query().with(Sort.by("stagedAt")).limit(1), Document.class, ANNOUNCEMENTS)
                        .map(oldest -> oldest.getDate("stagedAt").toInstant())
                        .blockOptional(Duration.ofSeconds(5)).orElse(null)));
    }

    public void signIn(SignIn outcome) {
        signIns.get(outcome).increment();
    }

    public void refused(Limit limit) {
        refusals.get(limit).increment();
    }
}
