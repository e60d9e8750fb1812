package org.mhconnect.timezones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Europe/Kyiv", "UTC",
            "America/Argentina/Buenos_Aires", "Pacific/Chatham"})
    void aCurrentRegionNameIsKeptAsItIs(String zone) {
        assertThat(TimeZones.canonical(zone)).contains(zone);
    }

    @ParameterizedTest
    @CsvSource({"Europe/Kiev, Europe/Kyiv", "Asia/Calcutta, Asia/Kolkata", "Asia/Saigon, Asia/Ho_Chi_Minh",
            "US/Eastern, America/New_York", "US/Pacific, America/Los_Angeles", "Asia/Katmandu, Asia/Kathmandu",
            "America/Buenos_Aires, America/Argentina/Buenos_Aires", "Etc/UTC, UTC", "Universal, UTC"})
    void aLegacyNameBecomesTheCurrentOne(String legacy, String current) {
        assertThat(TimeZones.canonical(legacy)).contains(current);
        assertThat(TimeZones.region(legacy)).contains(ZoneId.of(current));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "UTC+2", "GMT+01:00", "Europe/Atlantis", "europe/berlin", "Berlin", "Z",
            "CET-1", "../../etc/passwd", "Europe/Berlin\u0000"})
    void offsetsUnknownNamesAndOddTextAreRefused(String zone) {
        assertThat(TimeZones.canonical(zone)).isEmpty();
        assertThat(TimeZones.known(zone)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void nothingIsNoZone(String zone) {
        assertThat(TimeZones.canonical(zone)).isEmpty();
    }

    @Test
    void spacesAroundANameAreIgnored() {
        assertThat(TimeZones.canonical("  Europe/Kiev ")).contains("Europe/Kyiv");
    }

    @Test
    void requestRecordsKeepWhatTheyCannotNameSoThatValidationCanSayWhatIsWrong() {
        assertThat(TimeZones.currentNameOrAsGiven("Asia/Calcutta")).isEqualTo("Asia/Kolkata");
        assertThat(TimeZones.currentNameOrAsGiven("+02:00")).isEqualTo("+02:00");
        assertThat(TimeZones.currentNameOrAsGiven(null)).isNull();
    }

    record Form(@TimeZoneId String timeZone) {
    }

    @Test
    void theAnnotationAcceptsRegionsAndLegacyNamesAndRefusesOffsets() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(new Form("Europe/Berlin"))).isEmpty();
            assertThat(validator.validate(new Form("Europe/Kiev"))).isEmpty();
            assertThat(validator.validate(new Form(null))).isEmpty();
            assertThat(validator.validate(new Form("+02:00"))).singleElement()
                    .satisfies(violation -> assertThat(violation.getMessage()).contains("IANA time zone"));
        }
    }

    @Test
    void everyLinkPointsAtAZoneTheJvmKnows() {
        for (String legacy : java.time.ZoneId.getAvailableZoneIds()) {
            Optional<String> current = TimeZones.canonical(legacy);
            assertThat(current).isPresent();
            assertThat(ZoneId.of(current.get()).getRules()).isEqualTo(ZoneId.of(legacy).getRules());
        }
    }

    @Test
    void aPickerOffersCurrentPlaceNamesOnlyEachStoredAsItIsOffered() {
        assertThat(TimeZones.currentNames())
                .contains("UTC", "Europe/Kyiv", "Asia/Kolkata", "Europe/Berlin", "America/Argentina/Buenos_Aires")
                .doesNotContain("Europe/Kiev", "Asia/Calcutta", "US/Eastern", "Etc/UTC", "Etc/GMT+2", "CET", "EST5EDT")
                .allSatisfy(name -> assertThat(TimeZones.canonical(name)).contains(name));
        assertThat(TimeZones.legacyNames()).containsEntry("Europe/Kiev", "Europe/Kyiv");
    }
}
