package org.mhconnect.problems.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @Test
    void aNameMayHoldAnyScriptEmojiAndDirectionMarks() {
        assertThat(TextRules.isSingleLine("Zoë 🌻 محمد\u200F Ng")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\tb", "a\u0000b", "a\u001Bb", "a\u007Fb", "a\u0085b", "evil\u202Egnp.exe",
            "a\u202Ab", "a\u2066b", "a\u2069b", "a\u2028b", "a\uD800b"})
    void aNameRefusesControlsLineBreaksAndDirectionOverrides(String name) {
        assertThat(TextRules.isSingleLine(name)).isFalse();
    }

    @Test
    void writtenTextKeepsNewLinesAndTabs() {
        assertThat(TextRules.isMultiLine("Dear me,\n\tbe kind. \u202Eok")).isTrue();
    }

    @Test
    void writtenTextKeepsWindowsLineEndings() {
        assertThat(TextRules.isMultiLine("Dear me,\r\nbe kind.")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u007Fb", "a\uDFFFb"})
    void writtenTextRefusesOtherControlsAndLoneSurrogates(String text) {
        assertThat(TextRules.isMultiLine(text)).isFalse();
    }
}
