package org.mhconnect.gateway.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The private signing keys are sealed in MongoDB under the key-encryption key: the raw documents hold no private
 * key in clear, a key stored in clear by an older gateway is sealed at the next load and keeps signing, and a gateway
 * that starts again with the same key-encryption key verifies the tokens signed before.
 */
@GatewayIntegrationTest
class SigningKeysAtRestTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    GatewayProperties properties;

    @Autowired
    Clock clock;

    @Test
    void theStoredKeysHoldNoPrivateKeyInClear() {
        keys.rotate().block();
        String privatePart = keys.signingKey().getD().toString();

        List<Document> stored = mongo.findAll(Document.class, "signing_keys").collectList().block();

        assertThat(stored).isNotEmpty().allSatisfy(document -> {
            assertThat(document).doesNotContainKey("jwk").containsKeys("_id", "sealed", "createdAt");
            assertThat(document.toJson()).doesNotContain(privatePart).doesNotContain("\"d\"").doesNotContain("P-256");
        });
    }

    @Test
    void aKeyStoredInClearBeforeIsSealedAtTheNextLoadAndKeepsSigning() throws Exception {
        ECKey legacy = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256).generate();
        mongo.insert(new Document("_id", legacy.getKeyID()).append("jwk", legacy.toJSONString())
                .append("createdAt", java.util.Date.from(clock.instant())), "signing_keys").block();

        keys.load().block();

        Document stored = mongo.findById(legacy.getKeyID(), Document.class, "signing_keys").block();
        assertThat(stored).doesNotContainKey("jwk").containsKey("sealed");
        assertThat(stored.toJson()).doesNotContain(legacy.getD().toString());
        SignedJWT token = signedWithTheCurrentKey();
        assertThat(token.getHeader().getKeyID()).isEqualTo(legacy.getKeyID());
        assertThat(token.verify(new ECDSAVerifier(legacy.toPublicJWK()))).isTrue();
    }

    @Test
    void aGatewayStartedAgainWithTheSameKeyVerifiesTheTokensSignedBefore() throws Exception {
        SignedJWT signed = signedWithTheCurrentKey();

        SigningKeys restarted = new SigningKeys(mongo, new KeyEncryption(properties), properties, clock);
        restarted.load().block();

        ECKey published = (ECKey) restarted.publicKeys().getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(published).isNotNull();
        assertThat(published.isPrivate()).isFalse();
        assertThat(signed.verify(new ECDSAVerifier(published))).isTrue();
    }

    @Test
    void aSealedKeyOpensOnlyUnderItsOwnKidAndWithItsOwnKey() {
        KeyEncryption encryption = new KeyEncryption(aKey());
        String sealed = encryption.seal("kid-1", "{\"d\":\"private\"}");

        assertThat(sealed).doesNotContain("private");
        assertThat(encryption.open("kid-1", sealed)).isEqualTo("{\"d\":\"private\"}");
        assertThat(encryption.seal("kid-1", "{\"d\":\"private\"}")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> encryption.open("kid-2", sealed)).hasMessageContaining("does not open")
                .hasMessageNotContaining("private");
        assertThatThrownBy(() -> new KeyEncryption(aKey()).open("kid-1", sealed)).hasMessageContaining("does not open");
    }

    private static SecretKeySpec aKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    private SignedJWT signedWithTheCurrentKey() throws Exception {
        ECKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("someone").build());
        jwt.sign(new ECDSASigner(key));
        return SignedJWT.parse(jwt.serialize());
    }
}
