package org.mhconnect.journal.entry;

import static org.mhconnect.journal.entry.EntryFixtures.aUser;
import static org.mhconnect.journal.entry.EntryFixtures.anEntry;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhconnect.journal.JournalIntegrationTest;
import org.mhconnect.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * journal-service checks every access token itself. Each attack answers 401 with a problem, and the entry is
 * not written. The same checks guard every service (resource-server module).
 */
@JournalIntegrationTest
class AccessTokenChecksTest {

    @Autowired
    RestTestClient http;

    static Stream<Arguments> attacks() {
        TestTokens tokens = TestTokens.get();
        return Stream.of(
                attack("alg=none, no signature", tokens::unsigned),
                attack("HS256 signed with the issuer's public key", tokens::hmacWithThePublicKey),
                attack("expired", tokens::expired),
                attack("another issuer", tokens::fromAnotherIssuer),
                attack("another audience", tokens::forAnotherAudience),
                attack("payload changed after signing", user -> tokens.tampered(user, aUser())),
                attack("signed by a key with an unknown kid", tokens::withUnknownKey),
                attack("a signed JWT that is not typed as an access token", tokens::notAnAccessToken),
                attack("not a JWT at all", user -> "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusesTheToken(String attack, Function<String, String> forge) {
        http.post().uri("/api/journal/entries").headers(headers -> headers.setBearerAuth(forge.apply(aUser())))
                .contentType(MediaType.APPLICATION_JSON).body(anEntry("words")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Please sign in");
    }

    @Test
    void aGenuineTokenIsAccepted() {
        http.post().uri("/api/journal/entries")
                .headers(headers -> headers.setBearerAuth(TestTokens.get().accessToken(aUser())))
                .contentType(MediaType.APPLICATION_JSON).body(anEntry("words")).exchange()
                .expectStatus().isCreated();
    }

    private static Arguments attack(String name, Function<String, String> forge) {
        return Arguments.of(name, forge);
    }
}
