package org.mhconnect.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app as an installable app: its manifest, its icons, and the service worker with the files it keeps for
 * offline use. The browser side (registration, offline reading, push) is tested in system-tests
 * ({@code InstallableAppSystemTest}).
 */
@GatewayIntegrationTest
class InstallableWebAppTest {

    static final MediaType WEB_MANIFEST = MediaType.parseMediaType("application/manifest+json");

    @Autowired
    WebTestClient http;

    @Test
    void theManifestNamesTheAppAndItsIconsForAnInstall() throws IOException {
        byte[] body = http.get().uri("/manifest.webmanifest").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(WEB_MANIFEST)
                .expectBody().returnResult().getResponseBody();
        JsonNode manifest = JsonMapper.builder().build().readTree(body);

        assertThat(manifest.get("name").asString()).isEqualTo("Mental Health Connect");
        assertThat(manifest.get("short_name").asString()).hasSizeLessThanOrEqualTo(12);
        assertThat(manifest.get("start_url").asString()).isEqualTo("/");
        assertThat(manifest.get("display").asString()).isEqualTo("standalone");
        assertThat(manifest.get("theme_color").asString()).isEqualTo("#2f6b5f");
        assertThat(manifest.get("background_color").asString()).matches("#[0-9a-f]{6}");
        List<String> purposes = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        for (JsonNode icon : manifest.get("icons")) {
            String declared = icon.get("sizes").asString();
            assertThat(pixelsOf(icon.get("src").asString())).as(icon.get("src").asString()).isEqualTo(declared);
            sizes.add(declared);
            purposes.add(icon.get("purpose").asString());
        }
        assertThat(sizes).contains("192x192", "512x512");
        assertThat(purposes).contains("any", "maskable");
    }

    @Test
    void theServiceWorkerIsServedFromTheRootSoItsScopeIsTheWholeApp() {
        http.get().uri("/sw.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                // A browser checks for a new version on every visit; no-cache keeps that cheap (304) and never stale.
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectHeader().valueMatches("Content-Security-Policy", ".*worker-src 'self'.*manifest-src 'self'.*");
    }

    @Test
    void everyFileTheServiceWorkerKeepsForOfflineIsServed() throws IOException {
        List<String> shell = shellOf(new ClassPathResource("static/sw.js").getContentAsString(StandardCharsets.UTF_8));

        assertThat(shell).contains("/", "/index.html", "/app.css", "/js/app.js", "/js/pages/item.js");
        // One missing file would fail the service worker's install (cache.addAll is all or nothing).
        for (String path : shell) {
            http.get().uri(path).exchange().expectStatus().isOk();
        }
    }

    private String pixelsOf(String src) throws IOException {
        byte[] png = http.get().uri(src).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody().returnResult().getResponseBody();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getWidth() + "x" + image.getHeight();
    }

    /** The paths in sw.js's {@code const SHELL = [...]}. */
    static List<String> shellOf(String serviceWorker) {
        Matcher list = Pattern.compile("const SHELL = \\[(.*?)];", Pattern.DOTALL).matcher(serviceWorker);
        assertThat(list.find()).as("sw.js has a SHELL list").isTrue();
        List<String> paths = new ArrayList<>();
        Matcher path = Pattern.compile("'([^']+)'").matcher(list.group(1));
        while (path.find()) {
            paths.add(path.group(1));
        }
        return paths;
    }
}
