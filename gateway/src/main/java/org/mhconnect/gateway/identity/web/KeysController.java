package org.mhconnect.gateway.identity.web;

import java.util.Map;

import org.mhconnect.gateway.GatewayProperties;
import org.mhconnect.gateway.identity.token.SigningKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Publishes the public signing keys and the issuer metadata (RFC 8414), and lets an admin rotate the key. */
@RestController
class KeysController {

    private final SigningKeys keys;
    private final GatewayProperties properties;

    KeysController(SigningKeys keys, GatewayProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(keys.publicKeys().toJSONObject());
    }

    /**
     * The issuer and where its keys are: the part of RFC 8414 metadata that resource servers use. This is not an
     * OAuth authorization server (sign-in is a first-party JSON API), so no OAuth endpoints are advertised.
     */
    @GetMapping("/.well-known/oauth-authorization-server")
    Map<String, Object> issuerMetadata() {
        String issuer = properties.identity().issuer();
        return Map.of("issuer", issuer, "jwks_uri", issuer + "/.well-known/jwks.json", "response_types_supported",
                java.util.List.of());
    }

    @PostMapping("/api/admin/signing-keys")
    Mono<Map<String, String>> rotate() {
        return keys.rotate().map(kid -> Map.of("kid", kid));
    }
}
