package org.mhconnect.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An issuer of access tokens for tests, shaped like the gateway's: ES256 with a {@code kid}, {@code typ}
 * {@code at+jwt}, issuer and audience. Its public key is served as a JWKS over real HTTP, so services fetch
 * it exactly as they fetch the gateway's. It can also forge the tokens an attacker would try.
 */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.test";
    public static final String AUDIENCE = "mhc-api";

    private static TestTokens shared;

    private final ECKey key;
    private final ECKey strangerKey;
    private final HttpServer jwks;

    private TestTokens() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("test-key-1").generate();
            strangerKey = new ECKeyGenerator(Curve.P_256).keyID("unknown-key").generate();
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
    }

    /** The one issuer of a test JVM. */
    public static synchronized TestTokens get() {
        if (shared == null) {
            shared = new TestTokens();
        }
        return shared;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** A valid access token for a person with role USER, good for ten minutes. */
    public String accessToken(String userId) {
        return sign(key, header(key.getKeyID()), claims(userId, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** A valid access token for a person with these roles (USER, EDITOR, ADMIN), good for ten minutes. */
    public String accessToken(String userId, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(userId, ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))))
                .claim("roles", List.of(roles)).build();
        return sign(key, header(key.getKeyID()), claims);
    }

    public String expired(String userId) {
        return sign(key, header(key.getKeyID()), claims(userId, ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5))));
    }

    public String fromAnotherIssuer(String userId) {
        return sign(key, header(key.getKeyID()), claims(userId, "http://evil.test", AUDIENCE, Instant.now().plusSeconds(600)));
    }

    public String forAnotherAudience(String userId) {
        return sign(key, header(key.getKeyID()), claims(userId, ISSUER, "another-api", Instant.now().plusSeconds(600)));
    }

    /** Signed by a key the issuer never published. */
    public String withUnknownKey(String userId) {
        return sign(strangerKey, header(strangerKey.getKeyID()), claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(600)));
    }

    /** A valid token whose payload was then changed to name someone else. */
    public String tampered(String userId, String someoneElse) {
        String[] parts = accessToken(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(userId, someoneElse);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** {@code alg: none}: no signature at all. */
    public String unsigned(String userId) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(600)).toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** Algorithm confusion: HS256 with the issuer's public key as the shared secret. */
    public String hmacWithThePublicKey(String userId) {
        try {
            byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(),
                    claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(600)));
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Correctly signed, but typed as a plain JWT rather than an access token. */
    public String notAnAccessToken(String userId) {
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(600)));
    }

    private static JWSHeader header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(new JOSEObjectType("at+jwt")).build();
    }

    private static JWTClaimsSet claims(String subject, String issuer, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(List.of(audience))
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString()).claim("roles", List.of("USER")).build();
    }

    private static String sign(ECKey signingKey, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
