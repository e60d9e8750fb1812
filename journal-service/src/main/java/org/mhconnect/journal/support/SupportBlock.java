package org.mhconnect.journal.support;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Shown with a saved entry whose words suggest the writer may be in danger. The resources are content-service's
 * support resources for the writer's country, as it describes them; the emergency fallback is always there.
 *
 * @param message   a few calm words, the same for every signal: the writer is never told what was "detected"
 * @param country   the country the resources are for, when known
 * @param resources crisis lines and other help, from content-service (empty when it cannot be reached)
 * @param emergency the fallback that always applies
 */
public record SupportBlock(String message, String country, List<JsonNode> resources, Emergency emergency) {

    public record Emergency(String message, String number) {
    }
}
