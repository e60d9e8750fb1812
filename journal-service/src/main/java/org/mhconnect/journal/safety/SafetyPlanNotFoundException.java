package org.mhconnect.journal.safety;

/** The caller has no safety plan (yet). */
public class SafetyPlanNotFoundException extends RuntimeException {

    SafetyPlanNotFoundException() {
        super("No safety plan");
    }
}
