package org.mhconnect.journal.safety;

import java.util.Optional;

/** The safety plan changed, or was deleted, since the caller last read it. */
public class SafetyPlanChangedException extends RuntimeException {

    private final Long current;

    SafetyPlanChangedException(Long current) {
        super("The safety plan has changed since it was read");
        this.current = current;
    }

    /** The version there is now; empty when the plan was deleted. */
    public Optional<Long> current() {
        return Optional.ofNullable(current);
    }
}
