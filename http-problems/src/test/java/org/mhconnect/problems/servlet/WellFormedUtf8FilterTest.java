package org.mhconnect.problems.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WellFormedUtf8FilterTest {

    @Test
    void passesWellFormedUtf8ThroughUnchangedEvenWhenACharacterIsSplitBetweenReads() throws IOException {
        byte[] body = "{\"title\":\"Zoë 🌻\"}".getBytes(StandardCharsets.UTF_8);
        WellFormedUtf8Filter.CheckedInputStream in = new WellFormedUtf8Filter.CheckedInputStream(stream(body));
        byte[] read = new byte[body.length];
        int at = 0;
        for (int n; (n = in.read(read, at, Math.min(3, read.length - at))) > 0; ) {
            at += n;
        }

        assertThat(read).isEqualTo(body);
        assertThat(in.read(new byte[1], 0, 1)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AF", "F08080AF", "EDA080", "F4908080", "FF", "C3"})
    void refusesOverlongSurrogateOutOfRangeAndCutSequences(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] body = new byte[bad.length + 2];
        body[0] = '"';
        System.arraycopy(bad, 0, body, 1, bad.length);
        body[body.length - 1] = '"';
        byte[] cut = "C3".equals(hex) ? new byte[] {'"', (byte) 0xC3} : body;

        assertThatThrownBy(() -> new WellFormedUtf8Filter.CheckedInputStream(stream(cut)).readAllBytes())
                .isInstanceOf(CharacterCodingException.class);
    }

    private static ServletInputStream stream(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
    }
}
