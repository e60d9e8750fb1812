package org.mhconnect.gateway.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
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
 * The gateway's ES256 signing keys, stored sealed ({@link KeyEncryption}). The newest signs new tokens; a key stays
 * in the JWKS for as long as a token it signed can be unexpired, however old the key is, so rotating the key signs
 * nobody out. Refresh sessions do not depend on the keys at all.
 */
@Component
public class SigningKeys {

    /**
     * How long after a rotation another instance may still sign with the previous key: it reloads the keys every
     * minute, and a reload may take up to 30 seconds.
     */
    static final Duration PICK_UP = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;
    private final KeyEncryption encryption;
    private final GatewayProperties properties;
    private final Clock clock;
    private final AtomicReference<List<ECKey>> keys = new AtomicReference<>(List.of());

    SigningKeys(ReactiveMongoTemplate mongo, KeyEncryption encryption, GatewayProperties properties, Clock clock) {
        this.mongo = mongo;
        this.encryption = encryption;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Loads the stored keys, creating the first one when there is none. A key stored in clear by an older gateway is
     * sealed on the way, and keeps its {@code kid}, so the tokens it signed stay valid.
     */
    public Mono<Void> load() {
        return mongo.find(new Query().with(Sort.by(Sort.Order.desc("createdAt"))), SigningKeyDocument.class)
                .concatMap(this::sealedInStore)
                .collectList()
                .flatMap(stored -> stored.isEmpty() ? rotate().then() : Mono.fromRunnable(() -> keep(stored)));
    }

    /** Makes a new key the signing key; the previous ones stay published while their tokens may live. */
    public Mono<String> rotate() {
        ECKey key = generate();
        String kid = key.getKeyID();
        return mongo.insert(new SigningKeyDocument(kid, null, encryption.seal(kid, key.toJSONString()), clock.instant()))
                .then(load())
                .thenReturn(kid);
    }

    private Mono<SigningKeyDocument> sealedInStore(SigningKeyDocument document) {
        if (document.sealed() != null || document.jwk() == null) {
            return Mono.just(document);
        }
        // Saved whole, without the clear field: the stored document no longer holds the private key in clear.
        return mongo.save(new SigningKeyDocument(document.kid(), null, encryption.seal(document.kid(), document.jwk()),
                document.createdAt()));
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
     * Publishes the newest key and every older key that stopped signing recently. A key's age does not matter: it
     * signs until every instance has picked up its successor ({@link #PICK_UP}), and its last tokens live one
     * access-token lifetime more. So it stays while its successor is younger than 2 × the access-token lifetime +
     * {@link #PICK_UP}, which leaves one lifetime to spare for clocks that differ.
     */
    private void keep(List<SigningKeyDocument> stored) {
        Instant stillValid = clock.instant()
                .minus(properties.identity().accessTokenTtl().multipliedBy(2).plus(PICK_UP));
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

    private ECKey parse(SigningKeyDocument document) {
        try {
            return ECKey.parse(document.sealed() != null ? encryption.open(document.kid(), document.sealed()) : document.jwk());
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
