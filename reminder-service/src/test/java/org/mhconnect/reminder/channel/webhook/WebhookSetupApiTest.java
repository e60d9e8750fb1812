package org.mhconnect.reminder.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Setting up a webhook through {@code /api/notifications/webhook}: an address that is not on the public internet is
 * refused with the reason; a public one is kept and its signing secret shown once, never again; the secret can be
 * rotated, and the webhook removed.
 *
 * <p>The public address is a literal IP ({@code 93.184.216.34}), so the policy's lookup needs no DNS. Nothing is sent
 * to it: "send a test" is only called without a webhook.
 */
@ReminderIntegrationTest
class WebhookSetupApiTest {

    private static final String WEBHOOK = "/api/notifications/webhook";
    private static final String PUBLIC_URL = "https://93.184.216.34/hook";

    @Autowired
    RestTestClient http;

    ApiCalls api;
    String person;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = newPerson();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://10.0.0.1/hook                 | a private network address",
            "http://192.168.1.20:8080/hook        | a private network address",
            "http://169.254.169.254/latest        | a cloud metadata address",
            "ftp://example.org                    | only http and https URLs can be webhooks",
            "http://127.0.0.1/hook                | this server itself (a loopback address)",
            "http://[::1]/hook                    | this server itself (a loopback address)",
            "http://0.0.0.0/hook                  | an unspecified (this-network) address",
            "https://user:secret@93.184.216.34/x  | must not contain a user name or password",
            "/relative/hook                       | only http and https URLs can be webhooks",
            "http://0177.0.0.1/hook               | an IPv4 address written in an unusual form",
            "http://2130706433/hook               | an IPv4 address written in an unusual form",
            "http://[fe80::1%25eth0]/hook         | an IPv6 address with a zone id",
    })
    void anAddressThatMayNotBeCalledIsRefusedWithTheReasonAndNothingIsKept(String url, String reason) {
        Reply reply = api.put(person, WEBHOOK, Map.of("url", url));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.detail()).startsWith("This address cannot receive reminders: ").contains(reason);
        assertThat(reply.errorFields()).containsExactly("url");
        assertThat(api.preferences(person)).containsEntry("webhook", null);
    }

    @Test
    void somethingThatIsNotAWebAddressIsRefused() {
        Reply reply = api.put(person, WEBHOOK, Map.of("url", "not a web address"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).containsExactly("url");
        assertThat(api.preferences(person)).containsEntry("webhook", null);
    }

    @Test
    void aBlankAddressIsRefused() {
        Reply reply = api.put(person, WEBHOOK, Map.of("url", " "));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("url");
        assertThat(api.preferences(person)).containsEntry("webhook", null);
    }

    @Test
    void anAddressLongerThan2000CharactersIsRefused() {
        Reply reply = api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL + "/" + "a".repeat(2000)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("url");
        assertThat(api.preferences(person)).containsEntry("webhook", null);
    }

    @Test
    void aPublicAddressIsKeptAndItsSecretIsShownOnlyOnce() {
        Reply reply = api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("url", PUBLIC_URL);
        String secret = reply.json().get("secret").toString();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecret.parse(secret).keyBytes()).hasSizeGreaterThanOrEqualTo(24);

        Reply preferences = api.get(person, "/api/notifications/preferences");
        assertThat(preferences.json()).containsEntry("webhook", webhook(PUBLIC_URL));
        assertThat(preferences.body()).doesNotContain(secret)
                .doesNotContain(secret.substring("whsec_".length()))
                .doesNotContain("whsec_")
                .doesNotContain("secret");
    }

    @Test
    void everySetUpGivesANewSecret() {
        String first = api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL)).json().get("secret").toString();
        String second = api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL + "/v2")).json().get("secret").toString();

        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(api.preferences(person)).containsEntry("webhook", webhook(PUBLIC_URL + "/v2"));
    }

    @Test
    void rotatingGivesANewSecretForTheSameAddress() {
        String first = api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL)).json().get("secret").toString();

        Reply reply = api.post(person, WEBHOOK + "/rotate", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("url", PUBLIC_URL);
        String rotated = reply.json().get("secret").toString();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(first);
        Reply preferences = api.get(person, "/api/notifications/preferences");
        assertThat(preferences.json()).containsEntry("webhook", webhook(PUBLIC_URL));
        assertThat(preferences.body()).doesNotContain(first).doesNotContain(rotated);
    }

    @Test
    void aRemovedWebhookIsGoneFromThePreferences() {
        api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL));

        Reply reply = api.delete(person, WEBHOOK);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(api.preferences(person)).containsEntry("webhook", null);
        assertThat(api.post(person, WEBHOOK + "/rotate", null).status()).isEqualTo(404);
    }

    @Test
    void rotatingOrTestingWithoutAWebhookIsNotFound() {
        Reply rotate = api.post(person, WEBHOOK + "/rotate", null);
        Reply test = api.post(person, WEBHOOK + "/test", null);

        assertThat(rotate.status()).isEqualTo(404);
        assertThat(rotate.isProblem()).isTrue();
        assertThat(test.status()).isEqualTo(404);
        assertThat(test.isProblem()).isTrue();
        assertThat(api.preferences(person)).containsEntry("webhook", null);
    }

    @Test
    void oneRefusedAddressLeavesTheWebhookThatWasThere() {
        api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL));

        Reply reply = api.put(person, WEBHOOK, Map.of("url", "http://10.0.0.1/hook"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(api.preferences(person)).containsEntry("webhook", webhook(PUBLIC_URL));
    }

    @Test
    void oneWebhookIsEachPersonsOwn() {
        api.put(person, WEBHOOK, Map.of("url", PUBLIC_URL));

        assertThat(api.preferences(newPerson())).containsEntry("webhook", null);
    }

    private static Map<String, Object> webhook(String url) {
        Map<String, Object> view = new java.util.HashMap<>();
        view.put("url", url);
        view.put("active", true);
        view.put("disabledReason", null);
        return view;
    }
}
