package org.mhconnect.deploychecks;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks custom resources that have no Java model against the {@code openAPIV3Schema} of their
 * CustomResourceDefinition, kept under {@code src/test/resources/crds} (see the NOTICE there).
 *
 * <p>A CRD schema leaves unknown fields to the API server, which prunes them silently. To make a misspelt field
 * fail here as it would in a typed model, every object schema that lists its properties, and does not say
 * {@code x-kubernetes-preserve-unknown-fields}, is closed with {@code additionalProperties: false}.
 */
final class CrdSchemas {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static void validate(String crdResource, JsonNode object) {
        String version = object.path("apiVersion").asText().replaceFirst("^.*/", "");
        Schema schema = SCHEMAS.computeIfAbsent(crdResource + "#" + version, key -> load(crdResource, version));
        List<Error> errors;
        try {
            errors = schema.validate(JSON.writeValueAsString(object), InputFormat.JSON);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(ApiModel.describe(object) + " does not fit the schema of " + crdResource + ":\n"
                    + errors.stream().map(error -> "  " + error.getInstanceLocation() + ": " + error.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    private static Schema load(String crdResource, String version) {
        try (InputStream in = CrdSchemas.class.getClassLoader().getResourceAsStream(crdResource)) {
            if (in == null) {
                throw new IllegalStateException("No " + crdResource + " on the test class path");
            }
            JsonNode crd = YAML.readTree(in);
            for (JsonNode served : crd.path("spec").path("versions")) {
                if (served.path("name").asText().equals(version)) {
                    JsonNode openApi = served.path("schema").path("openAPIV3Schema").deepCopy();
                    close(openApi);
                    return REGISTRY.getSchema(JSON.writeValueAsString(openApi), InputFormat.JSON);
                }
            }
            throw new AssertionError(crdResource + " has no version " + version);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + crdResource, ex);
        }
    }

    /** Closes every object schema with listed properties to fields it does not list. */
    static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean preserves = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties")) {
            node.get("properties").forEach(CrdSchemas::close);
            if (!preserves && !node.has("additionalProperties")) {
                node.put("additionalProperties", false);
            }
        }
        if (node.get("additionalProperties") instanceof ObjectNode additional) {
            close(additional);
        }
        if (node.get("items") instanceof ObjectNode items) {
            close(items);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (node.get(combinator) instanceof ArrayNode parts) {
                parts.forEach(CrdSchemas::close);
            }
        }
    }

    private CrdSchemas() {
    }
}
