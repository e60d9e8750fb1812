package org.mhconnect.gateway.webapp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mhconnect.timezones.TimeZones;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The time zones a person can choose, for the web app's zone fields: the one list of current names from the
 * time-zones module, so a picker never offers a name (Europe/Kiev, Europe/Bratislava) that the services would store
 * under another one. The legacy names come too, so the browser's own zone, which the browser may report under an
 * old name, can be shown by its current one. Public, the same for everyone, and cacheable for a day.
 */
@RestController
class TimeZoneChoices {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    /** @param zones current names, sorted; @param legacyNames each legacy name and its current name */
    record Choices(List<String> zones, Map<String, String> legacyNames) {
    }

    private final Choices choices = new Choices(List.copyOf(TimeZones.currentNames()), new TreeMap<>(TimeZones.legacyNames()));

    @GetMapping("/api/time-zones")
    ResponseEntity<Choices> timeZones() {
        return ResponseEntity.ok().cacheControl(CACHE).body(choices);
    }
}
