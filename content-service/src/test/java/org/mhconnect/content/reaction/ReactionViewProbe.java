package org.mhconnect.content.reaction;

import java.util.Map;

/** The reaction answer as a client reads it. */
public record ReactionViewProbe(String slug, Map<String, Integer> counts, String mine) {
}
