package org.mhconnect.reminder.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/**
 * Our signatures, checked with the reference Java library of Standard Webhooks ({@code com.standardwebhooks:
 * standardwebhooks}), the one a receiver would use, and against the example of the library's own tests.
 */
class StandardWebhooksSignatureTest {

    /** The example in the reference library's own tests (its {@code WebhookTest#verifyWebhookSignWorks}). */
    private static final String EXAMPLE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String EXAMPLE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long EXAMPLE_TIMESTAMP = 1614265330;
    private static final String EXAMPLE_BODY = "{\"test\": 2432232314}";
    private static final String EXAMPLE_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String BODY = "{\"type\":\"reminder.due\",\"data\":{\"title\":\"Take a breath – \u00e9t\u00e9 \ud83c\udf3f\"}}";

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void theExampleOfTheReferenceLibraryIsSignedAlike() throws Exception {
        String ours = signer.signature(EXAMPLE_ID, Instant.ofEpochSecond(EXAMPLE_TIMESTAMP), EXAMPLE_BODY,
                WebhookSecret.parse(EXAMPLE_SECRET));

        assertThat(ours).isEqualTo(EXAMPLE_SIGNATURE);
        assertThat(new Webhook(EXAMPLE_SECRET).sign(EXAMPLE_ID, EXAMPLE_TIMESTAMP, EXAMPLE_BODY)).isEqualTo(ours);
    }

    @Test
    void aDeliverySignedByUsVerifiesWithTheReferenceLibrary() {
        WebhookSecret secret = WebhookSecret.generate();
        Map<String, String> headers = signer.headers("msg_1", Instant.now(), BODY, List.of(secret));

        assertThatCode(() -> new Webhook(secret.encoded()).verify(BODY, httpHeaders(headers))).doesNotThrowAnyException();
    }

    @Test
    void theHeadersAreTheIdTheTimestampInUnixSecondsAndTheSignature() {
        Instant at = Instant.parse("2026-05-01T08:30:15.750Z");
        WebhookSecret secret = WebhookSecret.parse(EXAMPLE_SECRET);

        Map<String, String> headers = signer.headers("msg_1", at, BODY, List.of(secret));

        assertThat(headers).containsOnlyKeys("webhook-id", "webhook-timestamp", "webhook-signature");
        assertThat(headers.get("webhook-id")).isEqualTo("msg_1");
        assertThat(headers.get("webhook-timestamp")).isEqualTo(Long.toString(at.getEpochSecond()));
        assertThat(headers.get("webhook-signature")).startsWith("v1,")
                .isEqualTo(signer.signature("msg_1", at, BODY, secret));
    }

    @Test
    void aTamperedBodyFailsVerification() {
        WebhookSecret secret = WebhookSecret.generate();
        Map<String, String> headers = signer.headers("msg_1", Instant.now(), BODY, List.of(secret));

        assertThatThrownBy(() -> new Webhook(secret.encoded()).verify(BODY.replace("breath", "Breath"),
                httpHeaders(headers))).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aTamperedIdFailsVerification() {
        WebhookSecret secret = WebhookSecret.generate();
        Map<String, String> headers = new HashMap<>(signer.headers("msg_1", Instant.now(), BODY, List.of(secret)));
        headers.put("webhook-id", "msg_2");

        assertThatThrownBy(() -> new Webhook(secret.encoded()).verify(BODY, httpHeaders(headers)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSignatureMadeWithAnotherSecretFailsVerification() {
        Map<String, String> headers = signer.headers("msg_1", Instant.now(), BODY, List.of(WebhookSecret.generate()));

        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate().encoded()).verify(BODY, httpHeaders(headers)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void whileASecretIsRotatedEitherSecretVerifies() {
        WebhookSecret old = WebhookSecret.generate();
        WebhookSecret current = WebhookSecret.generate();
        Map<String, String> headers = signer.headers("msg_1", Instant.now(), BODY, List.of(old, current));

        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThatCode(() -> new Webhook(old.encoded()).verify(BODY, httpHeaders(headers))).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(current.encoded()).verify(BODY, httpHeaders(headers)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate().encoded()).verify(BODY, httpHeaders(headers)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aDeliveryCannotBeSignedWithoutASecretOrAnId() {
        assertThatIllegalArgumentException().isThrownBy(() -> signer.headers("msg_1", Instant.now(), BODY, List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> signer.headers(" ", Instant.now(), BODY, List.of(WebhookSecret.generate())));
        assertThatIllegalArgumentException().isThrownBy(
                () -> signer.headers("msg_1\r\nx-injected: 1", Instant.now(), BODY, List.of(WebhookSecret.generate())));
    }

    private static HttpHeaders httpHeaders(Map<String, String> headers) {
        return HttpHeaders.of(headers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue()))),
                (name, value) -> true);
    }
}
