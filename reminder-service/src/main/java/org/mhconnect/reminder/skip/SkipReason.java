package org.mhconnect.reminder.skip;

import java.util.Arrays;
import java.util.Optional;

import org.mhconnect.events.reminder.ReminderDue.Outcome;

/**
 * Why an occurrence is not sent: a stable code for machines (the API, the {@code reason} label of
 * {@code mhc_reminders_skipped_total}), the words the web app shows after "Skipped", and the line the history keeps.
 */
public enum SkipReason {

    PAUSED("paused", "your reminders are paused", "skipped: reminders are paused", Outcome.SKIPPED_PAUSED),
    SKIP_NEXT("skip-next", "you chose to skip this one", "skipped: you chose to skip this one", Outcome.SKIPPED_NEXT),
    QUIET_HOURS("quiet-hours", "it falls in your quiet hours", "skipped: quiet hours", Outcome.SKIPPED_QUIET_HOURS),
    /** Decided when it is sent, not by the engine: the engine emits it as due, and the dispatcher looks at the day. */
    ALREADY_JOURNALED("already-journaled", "you already wrote", "skipped: already journaled", Outcome.DUE);

    private final String code;
    private final String words;
    private final String history;
    private final Outcome outcome;

    SkipReason(String code, String words, String history, Outcome outcome) {
        this.code = code;
        this.words = words;
        this.history = history;
        this.outcome = outcome;
    }

    /** {@code paused}, {@code skip-next}, {@code quiet-hours} or {@code already-journaled}. */
    public String code() {
        return code;
    }

    /** For a person, after "Skipped — ": "you already wrote". */
    public String words() {
        return words;
    }

    /** The reason a reminder's history shows. */
    public String history() {
        return history;
    }

    /** The outcome the engine writes on {@code reminder.due} for this reason. */
    public Outcome outcome() {
        return outcome;
    }

    /** The reason an engine's outcome stands for; empty for due and missed occurrences. */
    public static Optional<SkipReason> of(Outcome outcome) {
        return outcome == Outcome.DUE ? Optional.empty()
                : Arrays.stream(values()).filter(reason -> reason.outcome == outcome).findFirst();
    }

    public static Optional<SkipReason> fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }
}
