package org.mhconnect.problems.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    enum Kind { JOURNAL, PRACTICE }

    record Entry(Integer mood, int count, boolean flag, String title, Kind kind, LocalDateTime localDateTime,
            List<Integer> answers, Double score) {
    }

    private final JsonMapper json = StrictJson.mapper();

    @Test
    void readsWhatIsWellTyped() {
        Entry entry = json.readValue("""
                {"mood":3,"count":1,"flag":true,"title":"A day \\uD83C\\uDF3B","kind":"JOURNAL",
                 "localDateTime":"2026-05-01T21:30:00","answers":[1,5],"score":2.5}""", Entry.class);

        assertThat(entry.mood()).isEqualTo(3);
        assertThat(entry.title()).isEqualTo("A day \uD83C\uDF3B");
        assertThat(entry.localDateTime()).isEqualTo(LocalDateTime.of(2026, 5, 1, 21, 30));
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "{\"mood\":3.7}", "{\"mood\":\"3\"}", "{\"answers\":[3.9]}", "{\"answers\":[\"4\"]}", "{\"mood\":true}",
            "{\"count\":null}", "{\"flag\":1}", "{\"flag\":\"true\"}", "{\"title\":5}", "{\"title\":false}",
            "{\"kind\":\"VIDEO\"}", "{\"kind\":0}", "{\"kind\":\"journal\"}", "{\"score\":\"2.5\"}",
            "{\"localDateTime\":\"2026-05-01T21:30:00Z\"}", "{\"localDateTime\":\"2026-05-01T21:30:00+02:00\"}",
            "{\"title\":\"\\uD800\"}", "{\"title\":\"a\\uDC00b\"}", "{\"title\":\"nul\\u0000\"}",
            "{\"answers\":3}", "{\"mood\":1,\"mood\":2}", "{\"unknown\":1}", "{\"mood\":1} {\"mood\":2}",
            "{\"mood\":1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123}"})
    void refusesCoercedOrMalformedValues(String body) {
        assertThatThrownBy(() -> json.readValue(body, Entry.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesNestingDeeperThanAnyRequestOfOurs() {
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);

        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesADocumentLongerThanItsLimit() {
        JsonMapper small = StrictJson.configure(JsonMapper.builder(StrictJson.factory(100))).build();

        assertThatThrownBy(() -> small.readTree(("{\"title\":\"" + "a".repeat(200) + "\"}").getBytes()))
                .isInstanceOf(JacksonException.class);
    }
}
