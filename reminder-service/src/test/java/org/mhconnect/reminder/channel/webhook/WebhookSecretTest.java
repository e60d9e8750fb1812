package org.mhconnect.reminder.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * Webhook secrets in the Standard Webhooks {@code whsec_} form: new ones are 32 random bytes, parsed ones are checked,
 * and none is ever shown by {@code toString} or an error message.
 */
class WebhookSecretTest {

    @Test
    void aNewSecretIsWhsecFollowedByTheBase64Of32RandomBytes() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.encoded()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.encoded().substring(6))).isEqualTo(secret.keyBytes()).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void aSecretReadsBackFromItsEncodedForm() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(WebhookSecret.parse(secret.encoded())).isEqualTo(secret);
        assertThat(WebhookSecret.parse(secret.encoded()).keyBytes()).isEqualTo(secret.keyBytes());
    }

    @Test
    void theSpecificationsExampleSecretOf24BytesIsAccepted() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.keyBytes()).hasSize(24);
    }

    @Test
    void theKeyBytesAreACopy() {
        WebhookSecret secret = WebhookSecret.generate();
        byte[] key = secret.keyBytes();
        key[0] ^= 1;

        assertThat(secret.keyBytes()).isNotEqualTo(key);
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .withMessageContaining("must start with 'whsec_'");
    }

    @Test
    void aSecretThatIsNotBase64IsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("whsec_not*base64!"))
                .withMessageContaining("Base64");
    }

    @Test
    void aSecretOfFewerThan24BytesIsRefused() {
        String short16 = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);

        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse(short16))
                .withMessageContaining("between 24 and 64 key bytes");
    }

    @Test
    void aSecretOfMoreThan64BytesIsRefused() {
        String long65 = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);

        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse(long65))
                .withMessageContaining("between 24 and 64 key bytes");
    }

    @Test
    void aMissingSecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse(null));
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("  "));
    }

    @Test
    void neitherToStringNorAnErrorShowsTheSecret() {
        WebhookSecret secret = WebhookSecret.generate();
        String base64 = secret.encoded().substring(6);

        assertThat(secret.toString()).doesNotContain(base64).doesNotContain("whsec_");
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse(base64))
                .withMessageNotContaining(base64);
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("whsec_" + base64 + "!"))
                .withMessageNotContaining(base64);
    }
}
