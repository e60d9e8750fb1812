package org.mhconnect.reminder.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A person's reminder preferences through {@code /api/notifications/preferences}: made with defaults when first
 * asked for, changed as a whole with the version read, and refused, naming the field, when a value makes no sense.
 */
@ReminderIntegrationTest
class PreferencesApiTest {

    private static final String PREFERENCES = "/api/notifications/preferences";

    @Autowired
    RestTestClient http;

    ApiCalls api;
    String person;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = newPerson();
    }

    @Test
    void someoneNeverRegisteredGetsTheDefaults() {
        Reply reply = api.get(person, PREFERENCES);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> preferences = reply.json();
        assertThat(preferences).containsEntry("timeZone", "UTC")
                .containsEntry("emailEnabled", true)
                .containsEntry("weeklyDigest", false)
                .containsEntry("email", null)
                .containsEntry("quietHours", null)
                .containsEntry("pausedUntil", null)
                .containsEntry("webhook", null)
                .containsEntry("version", 0);
    }

    @Test
    void askingAgainGivesTheSamePreferences() {
        Map<String, Object> first = api.preferences(person);

        assertThat(api.preferences(person)).isEqualTo(first);
    }

    @Test
    void aPutWithTheVersionReadSetsZoneQuietHoursPauseAndDigest() {
        long version = version(api.preferences(person));

        Reply reply = api.put(person, PREFERENCES, change(version));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> changed = reply.json();
        assertThat(changed).containsEntry("timeZone", "Europe/Berlin")
                .containsEntry("quietHours", Map.of("start", "22:00", "end", "07:00", "mode", "delay"))
                .containsEntry("pausedUntil", "2026-12-27")
                .containsEntry("emailEnabled", true)
                .containsEntry("weeklyDigest", true)
                .containsEntry("webhook", null)
                .containsEntry("version", (int) version + 1);
        assertThat(api.preferences(person)).isEqualTo(changed);
    }

    @Test
    void quietHoursAndThePauseCanBeTakenAwayAgain() {
        Map<String, Object> changed = api.put(person, PREFERENCES, change(version(api.preferences(person)))).json();
        Map<String, Object> cleared = change(version(changed));
        cleared.put("quietHours", null);
        cleared.put("pausedUntil", null);
        cleared.put("emailEnabled", false);

        Reply reply = api.put(person, PREFERENCES, cleared);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("quietHours", null).containsEntry("pausedUntil", null)
                .containsEntry("emailEnabled", false);
        assertThat(api.preferences(person)).containsEntry("quietHours", null).containsEntry("emailEnabled", false);
    }

    @Test
    void quietHoursMaySkipInsteadOfDelay() {
        Map<String, Object> body = change(version(api.preferences(person)));
        body.put("quietHours", Map.of("start", "13:00", "end", "14:30", "mode", "skip"));

        Reply reply = api.put(person, PREFERENCES, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("quietHours", Map.of("start", "13:00", "end", "14:30", "mode", "skip"));
    }

    @Test
    void aPutFromAStaleVersionIsRefusedWithTheCurrentVersionAndChangesNothing() {
        long read = version(api.preferences(person));
        Map<String, Object> current = api.put(person, PREFERENCES, change(read)).json();
        Map<String, Object> stale = change(read);
        stale.put("timeZone", "America/New_York");
        stale.put("weeklyDigest", false);

        Reply reply = api.put(person, PREFERENCES, stale);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json()).containsEntry("currentVersion", current.get("version"));
        assertThat(api.preferences(person)).isEqualTo(current);
    }

    record Case(String name, Consumer<Map<String, Object>> change, String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badPreferences() {
        return Stream.of(
                bad("an unknown time zone", body -> body.put("timeZone", "Mars/Olympus"), "timeZone"),
                bad("a fixed offset for a time zone", body -> body.put("timeZone", "+01:00"), "timeZone"),
                bad("no time zone", body -> body.put("timeZone", null), "timeZone"),
                bad("a start of quiet hours that is no time", quiet("25:00", "07:00", "delay"), "quietHours.start"),
                bad("an end of quiet hours that is no time", quiet("22:00", "7am", "delay"), "quietHours.end"),
                bad("quiet hours that start when they end", quiet("22:00", "22:00", "delay"), "quietHours"),
                bad("an unknown mode of quiet hours", quiet("22:00", "07:00", "mute"), "quietHours.mode"),
                bad("quiet hours without a mode", body -> body.put("quietHours", Map.of("start", "22:00", "end", "07:00")),
                        "quietHours.mode"),
                bad("a pause until a day that is no date", body -> body.put("pausedUntil", "2026-13-01"), "pausedUntil"),
                bad("no version", body -> body.remove("version"), "version"),
                bad("a negative version", body -> body.put("version", -1), "version"),
                bad("no emailEnabled", body -> body.remove("emailEnabled"), "emailEnabled"));
    }

    private static Consumer<Map<String, Object>> quiet(String start, String end, String mode) {
        return body -> body.put("quietHours", Map.of("start", start, "end", end, "mode", mode));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(new Case(name, change, field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPreferences")
    void preferencesThatMakeNoSenseAreRefusedNamingTheFieldAndNothingChanges(Case bad) {
        Map<String, Object> before = api.preferences(person);
        Map<String, Object> body = new HashMap<>(change(version(before)));
        bad.change().accept(body);

        Reply reply = api.put(person, PREFERENCES, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.errorFields()).as(reply.toString()).contains(bad.field());
        assertThat(api.preferences(person)).isEqualTo(before);
    }

    @Test
    void anUnknownFieldIsRefused() {
        Map<String, Object> before = api.preferences(person);
        Map<String, Object> body = change(version(before));
        body.put("email", "someone-else@example.org");

        Reply reply = api.put(person, PREFERENCES, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(api.preferences(person)).isEqualTo(before);
    }

    private static Map<String, Object> change(long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", "Europe/Berlin");
        body.put("quietHours", Map.of("start", "22:00", "end", "07:00", "mode", "delay"));
        body.put("pausedUntil", "2026-12-27");
        body.put("emailEnabled", true);
        body.put("weeklyDigest", true);
        body.put("version", version);
        return body;
    }

    private static long version(Map<String, Object> preferences) {
        return ((Number) preferences.get("version")).longValue();
    }
}
