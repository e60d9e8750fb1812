package org.mhconnect.reminder.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.erasure.ReminderErasure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code /api/notifications/push}: the public key, and subscriptions that are checked before they are kept (an https
 * address on the public internet, a real P-256 key, a 16-byte secret); a refused one is a problem and changes nothing.
 * Several devices per person, at most ten, and erased with the account.
 */
@ReminderIntegrationTest
class PushSubscriptionApiTest {

    private static final String SUBSCRIPTIONS = "/api/notifications/push/subscriptions";
    private static final String ENDPOINT = "https://93.184.216.34/push/";
    private static final String KEY = P256.base64Url(P256.encode((ECPublicKey) P256.generate().getPublic()));
    private static final String AUTH = P256.base64Url(new byte[16]);

    @Autowired
    RestTestClient http;

    @Autowired
    PushSubscriptions subscriptions;

    @Autowired
    java.util.List<ReminderErasure> erasures;

    ApiCalls api;
    String person;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = ApiCalls.newPerson();
    }

    @Test
    void thePublicKeyIsAnUncompressedP256PointInBase64Url() {
        Reply reply = api.get(person, "/api/notifications/push/public-key");

        assertThat(reply.status()).isEqualTo(200);
        String key = reply.json().get("publicKey").toString();
        assertThat(key).matches("[A-Za-z0-9_-]{87}");
        assertThat(P256.decode(P256.fromBase64Url(key))).isNotNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "endpoint    | http://93.184.216.34/push/1     | " + "KEY | AUTH",
            "endpoint    | https://10.0.0.1/push           | KEY | AUTH",
            "endpoint    | https://169.254.169.254/latest  | KEY | AUTH",
            "endpoint    | not a web address               | KEY | AUTH",
            "endpoint    | ''                              | KEY | AUTH",
            "keys.p256dh | https://93.184.216.34/push/1    | BAQ | AUTH",
            "keys.p256dh | https://93.184.216.34/push/1    | !!! | AUTH",
            "keys.p256dh | https://93.184.216.34/push/1    | OFF | AUTH",
            "keys.auth   | https://93.184.216.34/push/1    | KEY | AAAA",
            "keys.auth   | https://93.184.216.34/push/1    | KEY | ''",
    })
    void aSubscriptionThatCannotBeUsedIsRefusedAndNothingIsKept(String field, String endpoint, String key, String auth) {
        String p256dh = switch (key) {
            case "KEY" -> KEY;
            // A point that is not on the curve: the right length and prefix, the wrong y.
            case "OFF" -> P256.base64Url(offCurve());
            default -> key;
        };
        Reply reply = api.put(person, SUBSCRIPTIONS, Map.of("endpoint", endpoint,
                "keys", Map.of("p256dh", p256dh, "auth", "AUTH".equals(auth) ? AUTH : auth)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(subscriptions.of(person)).isEmpty();
    }

    @Test
    void aSubscriptionWithoutKeysIsRefused() {
        Reply reply = api.put(person, SUBSCRIPTIONS, Map.of("endpoint", ENDPOINT + "1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(subscriptions.of(person)).isEmpty();
    }

    @Test
    void severalDevicesAreKeptAtMostTenAndTheOldestGoesFirst() {
        for (int device = 1; device <= 11; device++) {
            assertThat(subscribe(ENDPOINT + device).status()).isEqualTo(204);
        }

        assertThat(subscriptions.of(person)).hasSize(10)
                .extracting(PushSubscriptionsDocument.Device::endpoint).doesNotContain(ENDPOINT + "1").contains(ENDPOINT + "11");
    }

    @Test
    void deletingBySomeEndpointRemovesOnlyThatDeviceAndIsIdempotent() {
        subscribe(ENDPOINT + "a");
        subscribe(ENDPOINT + "b");

        assertThat(api.call(org.springframework.http.HttpMethod.DELETE, person, SUBSCRIPTIONS, Map.of("endpoint", ENDPOINT + "a"))
                .status()).isEqualTo(204);
        assertThat(api.call(org.springframework.http.HttpMethod.DELETE, person, SUBSCRIPTIONS, Map.of("endpoint", ENDPOINT + "a"))
                .status()).isEqualTo(204);

        assertThat(subscriptions.of(person)).extracting(PushSubscriptionsDocument.Device::endpoint).containsExactly(ENDPOINT + "b");
    }

    @Test
    void anotherPersonsSubscriptionsAreNotTouchedAndTheAccountsAreErasedSeparately() {
        String other = ApiCalls.newPerson();
        subscribe(ENDPOINT + "mine");
        api.put(other, SUBSCRIPTIONS, Map.of("endpoint", ENDPOINT + "theirs", "keys", Map.of("p256dh", KEY, "auth", AUTH)));

        erasures.forEach(erasure -> erasure.eraseAllOf(person));

        assertThat(subscriptions.of(person)).isEmpty();
        assertThat(subscriptions.of(other)).hasSize(1);
    }

    private Reply subscribe(String endpoint) {
        return api.put(person, SUBSCRIPTIONS, Map.of("endpoint", endpoint, "keys", Map.of("p256dh", KEY, "auth", AUTH)));
    }

    private static byte[] offCurve() {
        byte[] point = P256.fromBase64Url(KEY);
        point[64] ^= 1;
        return point;
    }
}
