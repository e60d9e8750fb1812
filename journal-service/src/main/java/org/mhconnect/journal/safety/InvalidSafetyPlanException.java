package org.mhconnect.journal.safety;

/** A safety plan from outside a request (an import) breaks a rule; the message names the field, never its words. */
public class InvalidSafetyPlanException extends RuntimeException {

    InvalidSafetyPlanException(String message) {
        super(message);
    }
}
