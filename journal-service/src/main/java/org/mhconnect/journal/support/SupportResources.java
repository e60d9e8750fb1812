package org.mhconnect.journal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.mhconnect.journal.JournalProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crisis resources for a country, from content-service ({@code GET /api/content/support?country=}), cached per
 * country. When content-service is slow or down the answer is the built-in fallback: the local emergency number
 * and an international directory of helplines. Only the country code is ever sent; never anything about the entry.
 */
@Component
public class SupportResources {

    static final String MESSAGE = "It sounds like things are really hard right now. You deserve support, and you "
            + "do not have to carry this alone. These people are there to listen, any time.";
    static final String EMERGENCY = "If you are in danger now, call your local emergency number.";
    private static final String ANY_COUNTRY = "";

    /** A few emergency numbers, so the fallback is useful even when content-service cannot be reached. */
    private static final Map<String, String> EMERGENCY_NUMBERS = Map.ofEntries(
            Map.entry("US", "911"), Map.entry("CA", "911"), Map.entry("GB", "999"), Map.entry("IE", "112"),
            Map.entry("AU", "000"), Map.entry("NZ", "111"), Map.entry("IN", "112"), Map.entry("DE", "112"),
            Map.entry("FR", "112"), Map.entry("ES", "112"), Map.entry("NL", "112"), Map.entry("AT", "112"),
            Map.entry("CH", "112"));

    private final RestClient http;
    private final JsonMapper json;
    private final Cache<String, SupportBlock> cache;

    SupportResources(JsonMapper json, JournalProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.support().timeout());
        requests.setReadTimeout(properties.support().timeout());
        this.http = RestClient.builder().baseUrl(properties.support().contentUrl().toString()).requestFactory(requests).build();
        this.json = json;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.support().cacheFor()).maximumSize(300).build();
    }

    /** The support block for a country (ISO 3166 alpha-2), or for anywhere when unknown. Never fails. */
    public SupportBlock forCountry(String country) {
        String key = country == null ? ANY_COUNTRY : country;
        SupportBlock cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        return fetch(key).map(block -> {
            cache.put(key, block);
            return block;
        }).orElseGet(() -> fallback(country));
    }

    private Optional<SupportBlock> fetch(String country) {
        try {
            String body = http.get()
                    .uri(uri -> country.isEmpty() ? uri.path("/api/content/support").build()
                            : uri.path("/api/content/support").queryParam("country", country).build())
                    .retrieve()
                    .body(String.class);
            JsonNode directory = json.readTree(body);
            List<JsonNode> resources = new ArrayList<>();
            directory.path("resources").forEach(resources::add);
            JsonNode fallback = directory.path("fallback");
            String number = fallback.path("emergencyNumber").asString(emergencyNumber(country));
            String message = fallback.path("message").asString(EMERGENCY);
            return Optional.of(new SupportBlock(MESSAGE, country.isEmpty() ? null : country, List.copyOf(resources),
                    new SupportBlock.Emergency(message, number)));
        }
        catch (RestClientException | tools.jackson.core.JacksonException ex) {
            // Deliberately not logged: this only runs while support is being offered, so even a line without a name
            // would tell that some entry just now signalled a crisis. The fallback answers instead.
            return Optional.empty();
        }
    }

    private SupportBlock fallback(String country) {
        JsonNode directory = json.createObjectNode()
                .put("id", "find-a-helpline")
                .put("name", "Find A Helpline")
                .put("kind", "PROFESSIONAL_HELP_DIRECTORY")
                .put("description", "An international directory of free, confidential helplines, searchable by country.")
                .set("contacts", json.createArrayNode().add(json.createObjectNode()
                        .put("type", "WEB").put("value", "https://findahelpline.com").put("label", "findahelpline.com")));
        return new SupportBlock(MESSAGE, country, List.of(directory),
                new SupportBlock.Emergency(EMERGENCY, emergencyNumber(country)));
    }

    private static String emergencyNumber(String country) {
        return country == null ? "112" : EMERGENCY_NUMBERS.getOrDefault(country, "112");
    }
}
