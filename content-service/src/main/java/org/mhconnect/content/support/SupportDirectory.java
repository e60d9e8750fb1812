package org.mhconnect.content.support;

import java.util.List;

/**
 * What {@code GET /api/content/support} answers: the resources for a country (or all of them), and always the
 * fallback, because nobody in danger should be left with an empty list.
 *
 * @param country   the upper-case country asked for, or {@code null} when none was given
 * @param resources crisis lines first, then directories, then peer support
 * @param fallback  what to do right now, with the country's emergency number
 */
record SupportDirectory(String country, List<SupportResourceView> resources, Fallback fallback) {

    /** The advice that is always there, whatever the list holds. */
    record Fallback(String message, String emergencyNumber) {
    }
}
