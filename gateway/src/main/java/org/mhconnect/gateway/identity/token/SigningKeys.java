package org.mhconnect.gateway.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.mhconnect.gateway.GatewayProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gateway's ES256 signing keys. The newest signs new tokens; every key young enough to have signed a token
 * that has not expired stays in the JWKS, so rotating the key signs nobody out.
 */
@Component
public class SigningKeys {

    private final ReactiveMongoTemplate mongo;
    private final GatewayProperties properties;
    private final Clock clock;
    private final AtomicReference<List<ECKey>> keys = new AtomicReference<>(List.of());

    SigningKeys(ReactiveMongoTemplate mongo, GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Loads the stored keys, creating the first one when there is none. */
    public Mono<Void> load() {
        return mongo.find(new Query().with(Sort.by(Sort.Order.desc("createdAt"))), SigningKeyDocument.class)
                .collectList()
                .flatMap(stored -> stored.isEmpty() ? rotate().then() : Mono.fromRunnable(() -> keep(stored)));
    }

    /** Makes a new key the signing key; the previous ones stay published while their tokens may live. */
    public Mono<String> rotate() {
        ECKey key = generate();
        return mongo.insert(new SigningKeyDocument(key.getKeyID(), key.toJSONString(), clock.instant()))
                .then(load())
                .thenReturn(key.getKeyID());
    }

    ECKey signingKey() {
        List<ECKey> current = keys.get();
        if (current.isEmpty()) {
            throw new IllegalStateException("No signing key is loaded yet");
        }
        return current.getFirst();
    }

    /** The public keys, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.get().stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
    }

    /**
     * Publishes the newest key and every older key that stopped signing recently: a key signs until its successor
     * is created, so it stays while its successor is younger than twice the access-token lifetime.
     */
    private void keep(List<SigningKeyDocument> stored) {
        Instant stillValid = clock.instant().minus(properties.identity().accessTokenTtl().multipliedBy(2));
        List<SigningKeyDocument> newestFirst = stored.stream()
                .sorted(Comparator.comparing(SigningKeyDocument::createdAt).reversed())
                .toList();
        List<ECKey> published = new java.util.ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            if (i == 0 || newestFirst.get(i - 1).createdAt().isAfter(stillValid)) {
                published.add(parse(newestFirst.get(i)));
            }
        }
        keys.set(List.copyOf(published));
    }

    private static ECKey parse(SigningKeyDocument document) {
        try {
            return ECKey.parse(document.jwk());
        }
        catch (ParseException ex) {
            throw new IllegalStateException("Signing key " + document.kid() + " is unreadable", ex);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a signing key", ex);
        }
    }
}
