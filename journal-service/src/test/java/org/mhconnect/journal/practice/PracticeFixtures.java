package org.mhconnect.journal.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Completed practices for the tests: a short one from the library, finished at a given time. */
final class PracticeFixtures {

    static final String BERLIN = "Europe/Berlin";
    static final String BREATHING_SPACE = "a-breathing-space";
    static final String BREATHING_SPACE_TITLE = "A three-minute breathing space";

    /** A completion body as the player sends it. */
    static String completion(Instant completedAt) {
        return completion(BREATHING_SPACE, BREATHING_SPACE_TITLE, completedAt.toString(), BERLIN);
    }

    static String completion(String slug, String title, String completedAt, String timeZone) {
        return """
                {"slug":"%s","title":"%s","completedAt":"%s","timeZone":"%s"}""".formatted(slug, title, completedAt, timeZone);
    }

    /** Noon in Berlin on a local day, as an instant. */
    static Instant noonInBerlin(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZoneId.of(BERLIN)).toInstant();
    }

    private PracticeFixtures() {
    }
}
