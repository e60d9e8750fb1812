package org.mhconnect.journal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.journal.JournalProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Support resources come from content-service over HTTP, are cached per country, and fall back to the built-in
 * emergency advice when content-service fails. Only the country code is ever sent.
 */
class SupportResourcesTest {

    static final String DIRECTORY = """
            {"country":"DE","resources":[{"id":"telefonseelsorge","name":"TelefonSeelsorge","kind":"CRISIS_LINE"}],
             "fallback":{"message":"If you are in danger now, call your local emergency number.","emergencyNumber":"112"}}""";

    HttpServer contentService;
    final AtomicInteger status = new AtomicInteger(200);
    final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startContentService() throws IOException {
        contentService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        contentService.createContext("/api/content/support", exchange -> {
            requested.add(exchange.getRequestURI().toString());
            byte[] body = DIRECTORY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        contentService.start();
    }

    @AfterEach
    void stop() {
        contentService.stop(0);
    }

    @Test
    void resourcesForACountryArePassedOnAndCached() {
        SupportResources resources = resources();

        SupportBlock first = resources.forCountry("DE");
        SupportBlock second = resources.forCountry("DE");

        assertThat(first.resources()).extracting(r -> r.path("name").asString()).containsExactly("TelefonSeelsorge");
        assertThat(first.emergency().number()).isEqualTo("112");
        assertThat(first.message()).isNotBlank();
        assertThat(second).isSameAs(first);
        assertThat(requested).containsExactly("/api/content/support?country=DE");
    }

    @Test
    void whenContentServiceFailsTheBuiltInFallbackAnswersAndIsNotCached() {
        status.set(503);
        SupportResources resources = resources();

        SupportBlock fallback = resources.forCountry("AU");

        assertThat(fallback.emergency().number()).isEqualTo("000");
        assertThat(fallback.resources()).extracting(r -> r.path("id").asString()).containsExactly("find-a-helpline");
        status.set(200);
        assertThat(resources.forCountry("AU").resources()).extracting(r -> r.path("id").asString())
                .containsExactly("telefonseelsorge");
    }

    @Test
    void whenContentServiceIsDownTheFallbackStillAnswers() {
        contentService.stop(0);

        assertThat(resources().forCountry(null).emergency().number()).isEqualTo("112");
    }

    private SupportResources resources() {
        JournalProperties properties = new JournalProperties(null, null, null, new JournalProperties.Support(
                URI.create("http://127.0.0.1:" + contentService.getAddress().getPort()), Duration.ofSeconds(1),
                Duration.ofHours(1)), null);
        return new SupportResources(JsonMapper.builder().build(), properties);
    }
}
