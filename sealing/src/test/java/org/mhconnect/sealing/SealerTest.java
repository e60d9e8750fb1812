package org.mhconnect.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SealerTest {

    final Sealer sealer = new Sealer(AesKeys.fromBase64("test key", AesKeys.newBase64()));

    @Test
    void aSealedSecretOpensUnderItsLabelAndHidesItsText() {
        String sealed = sealer.seal("kid-1", "the private key".getBytes(StandardCharsets.UTF_8));

        assertThat(sealed).doesNotContain("private");
        assertThat(new String(sealer.open("kid-1", sealed), StandardCharsets.UTF_8)).isEqualTo("the private key");
    }

    @Test
    void sealingTheSameSecretTwiceGivesTwoDifferentValues() {
        byte[] secret = "same".getBytes(StandardCharsets.UTF_8);

        assertThat(sealer.seal("a", secret)).isNotEqualTo(sealer.seal("a", secret));
    }

    @Test
    void aSealedValueCopiedUnderAnotherLabelDoesNotOpen() {
        String sealed = sealer.seal("kid-1", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> sealer.open("kid-2", sealed)).isInstanceOf(Sealer.Unreadable.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = sealer.seal("kid-1", new byte[] {1, 2, 3});
        Sealer other = new Sealer(AesKeys.fromBase64("other key", AesKeys.newBase64()));

        assertThatThrownBy(() -> other.open("kid-1", sealed)).isInstanceOf(Sealer.Unreadable.class);
    }

    @Test
    void aDamagedOrForeignValueIsUnreadableNotACrash() {
        byte[] bytes = Base64.getDecoder().decode(sealer.seal("kid-1", new byte[] {1, 2, 3}));
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open("kid-1", Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(Sealer.Unreadable.class);
        assertThatThrownBy(() -> sealer.open("kid-1", "not base64 at all!")).isInstanceOf(Sealer.Unreadable.class);
        assertThatThrownBy(() -> sealer.open("kid-1", "AAAA")).isInstanceOf(Sealer.Unreadable.class);
    }

    @Test
    void derivedKeysAreStablePerPurposeAndDifferBetweenPurposes() {
        assertThat(sealer.derive("cookies")).hasSize(32).isEqualTo(sealer.derive("cookies"));
        assertThat(sealer.derive("cookies")).isNotEqualTo(sealer.derive("links"));
    }

    @Test
    void aKeySettingMustBeBase64Of32BytesAndTheErrorNeverShowsIt() {
        assertThatThrownBy(() -> AesKeys.fromBase64("mhc.x.key", "not-base64-%%%"))
                .hasMessage("mhc.x.key is not Base64");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> AesKeys.fromBase64("mhc.x.key", short16))
                .hasMessage("mhc.x.key must be 32 bytes (AES-256), not 16")
                .message().doesNotContain(short16);
    }
}
