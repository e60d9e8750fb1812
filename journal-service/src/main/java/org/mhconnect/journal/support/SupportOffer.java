package org.mhconnect.journal.support;

/**
 * What comes forward with a saved entry: nothing, a gentle suggestion, or full support. At most one is present.
 *
 * @param support    crisis resources for the writer's country with the emergency fallback, when the words signal danger
 * @param suggestion a gentle support link, when the words sound hopeless or cannot be read
 */
public record SupportOffer(SupportBlock support, SupportSuggestion suggestion) {

    static final SupportOffer NONE = new SupportOffer(null, null);
}
