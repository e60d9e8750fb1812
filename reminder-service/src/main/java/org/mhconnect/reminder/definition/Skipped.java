package org.mhconnect.reminder.definition;

import org.mhconnect.reminder.skip.SkipReason;

/**
 * Why an occurrence is (or was) not sent, as the API shows it.
 *
 * @param reason a stable code: {@code already-journaled}, {@code skip-next}, {@code paused} or {@code quiet-hours}
 * @param words  for a person, after "Skipped — ": "you already wrote"
 */
public record Skipped(String reason, String words) {

    public static Skipped of(SkipReason reason) {
        return new Skipped(reason.code(), reason.words());
    }
}
