package org.mhconnect.reminder.skip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mhconnect.events.reminder.ReminderDue.Outcome;

/**
 * The one rule that decides whether an occurrence is skipped: the engine applies what it can know, the dispatcher the
 * journaled day, and the API all of it ahead of time, so they cannot disagree.
 */
class SkipRuleTest {

    /** 21:00 in Berlin on a winter evening. */
    static final Instant NINE_PM = Instant.parse("2026-12-01T20:00:00Z");
    static final SkipRule.Personal NOTHING_SET = SkipRule.Personal.NONE;

    @Test
    void aJournalingReminderIsSkippedOnADayAlreadyWrittenAndOtherKindsAreNot() {
        assertThat(new SkipRule(NOTHING_SET, null, true).of(NINE_PM, false, true)).contains(SkipReason.ALREADY_JOURNALED);
        assertThat(new SkipRule(NOTHING_SET, null, true).of(NINE_PM, false, false)).isEmpty();
        assertThat(new SkipRule(NOTHING_SET, null, false).of(NINE_PM, false, true)).isEmpty();
    }

    @Test
    void theEngineKnowsEverythingButTheJournaledDay() {
        SkipRule journaling = new SkipRule(NOTHING_SET, null, true);

        assertThat(journaling.known(NINE_PM, false)).isEmpty();
        assertThat(SkipRule.journaled(true, true)).contains(SkipReason.ALREADY_JOURNALED);
    }

    @Test
    void skipNextSkipsTheScheduledOccurrencesUpToItsInstantButNotASnoozeTheyAskedFor() {
        SkipRule rule = new SkipRule(NOTHING_SET, NINE_PM, false);

        assertThat(rule.of(NINE_PM, false, false)).contains(SkipReason.SKIP_NEXT);
        assertThat(rule.of(NINE_PM, true, false)).isEmpty();
        assertThat(rule.of(NINE_PM.plusSeconds(86_400), false, false)).isEmpty();
    }

    @Test
    void aPauseSkipsEverythingBeforeItsLocalDateStartsAndComesFirst() {
        SkipRule.Personal paused = new SkipRule.Settings("Europe/Berlin", "2026-12-02", null, null, null).in("UTC");
        SkipRule rule = new SkipRule(paused, NINE_PM, true);

        assertThat(paused.pausedUntil()).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
        assertThat(rule.of(NINE_PM, false, true)).contains(SkipReason.PAUSED);
        assertThat(rule.of(Instant.parse("2026-12-01T23:00:00Z"), false, false)).isEmpty();
    }

    @Test
    void quietHoursThatSkipAcrossMidnightSkipAndQuietHoursThatDelayDoNot() {
        SkipRule skipping = new SkipRule(new SkipRule.Settings("Europe/Berlin", null, "20:30", "07:00", "SKIP").in("UTC"), null, false);
        SkipRule delaying = new SkipRule(new SkipRule.Settings("Europe/Berlin", null, "20:30", "07:00", "DELAY").in("UTC"), null, false);

        assertThat(skipping.of(NINE_PM, false, false)).contains(SkipReason.QUIET_HOURS);
        assertThat(skipping.of(Instant.parse("2026-12-02T05:59:00Z"), false, false)).contains(SkipReason.QUIET_HOURS);
        assertThat(skipping.of(Instant.parse("2026-12-02T06:00:00Z"), false, false)).isEmpty();
        assertThat(delaying.of(NINE_PM, false, false)).isEmpty();
    }

    @Test
    void eachReasonHasAStableCodeWordsForPeopleAndTheEnginesOutcome() {
        assertThat(SkipReason.values()).extracting(SkipReason::code)
                .containsExactly("paused", "skip-next", "quiet-hours", "already-journaled");
        assertThat(SkipReason.ALREADY_JOURNALED.words()).isEqualTo("you already wrote");
        assertThat(SkipReason.of(Outcome.SKIPPED_NEXT)).contains(SkipReason.SKIP_NEXT);
        assertThat(SkipReason.of(Outcome.DUE)).isEmpty();
        assertThat(SkipReason.of(Outcome.MISSED)).isEmpty();
        assertThat(SkipReason.fromCode("quiet-hours")).contains(SkipReason.QUIET_HOURS);
    }
}
