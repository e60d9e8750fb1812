package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.WebPages.Cast;
import org.mhconnect.systemtests.WebPages.Viewer;
import org.mhconnect.systemtests.WebPages.WebPage;

/**
 * Each page's first load, in a fresh browser context with an empty cache: the bytes that crossed the network
 * (compressed bodies and headers, as Chromium counts them) stay within 200 KB, every request goes to the app's
 * own origin, and the time until the page is usable is measured. Prints one line per page,
 * {@code PAGE-WEIGHT <page> <bytes> <ms>}, and writes the same lines to {@code target/page-weights.txt}.
 */
@BrowserTest
class PageWeightSystemTest {

    static final long BUDGET_BYTES = 200 * 1024;

    static Cast cast;

    @BeforeAll
    static void everyPageHasSomethingToShow() throws Exception {
        cast = WebPages.cast();
    }

    /** One first load: bytes transferred, requests made, and when it was usable (ms after navigation began). */
    record Load(WebPage page, long bytes, int requests, long readyMs, long domInteractiveMs, Set<String> origins) {
    }

    @Test
    void everyPagesFirstLoadIsLightAndStaysOnTheAppsOwnOrigin() throws Exception {
        String origin = origin(WebBrowser.gateway());
        List<Load> loads = new ArrayList<>();
        for (WebPage page : cast.pages()) {
            loads.add(firstLoad(page));
        }

        List<String> lines = new ArrayList<>();
        lines.add("# page bytes ms  (first load, empty cache; bytes as transferred, compressed, headers included;"
                + " ms until the page's heading and content are shown)");
        for (Load load : loads) {
            String line = "PAGE-WEIGHT %s %d %d".formatted(load.page().name(), load.bytes(), load.readyMs());
            System.out.println(line + "   (" + load.requests() + " requests, DOM interactive at "
                    + load.domInteractiveMs() + " ms)");
            lines.add(line);
        }
        Path report = Path.of("target", "page-weights.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);

        assertThat(loads).allSatisfy(load -> {
            assertThat(load.bytes()).as("bytes of the first load of " + load.page().name()).isPositive()
                    .isLessThanOrEqualTo(BUDGET_BYTES);
            assertThat(load.origins()).as("origins requested by " + load.page().name()).containsOnly(origin);
        });
    }

    private Load firstLoad(WebPage webPage) {
        try (BrowserContext context = WebBrowser.newContext()) {
            if (webPage.viewer() != Viewer.GUEST) {
                WebBrowser.signInQuietly(context, cast.emailOf(webPage.viewer()));
            }
            Page page = context.newPage();
            CDPSession network = context.newCDPSession(page);
            Map<String, String> urls = new HashMap<>();
            Set<String> pending = new TreeSet<>();
            Set<String> streams = new TreeSet<>();
            long[] bytes = {0};
            long[] lastActivity = {System.nanoTime()};
            network.on("Network.requestWillBeSent", event -> {
                String id = event.get("requestId").getAsString();
                urls.put(id, event.getAsJsonObject("request").get("url").getAsString());
                if ("EventSource".equals(type(event))) {
                    streams.add(id);
                }
                else {
                    pending.add(id);
                }
                lastActivity[0] = System.nanoTime();
            });
            network.on("Network.dataReceived", event -> {
                // A stream never finishes loading: count what it has sent so far.
                if (streams.contains(event.get("requestId").getAsString())) {
                    bytes[0] += event.get("encodedDataLength").getAsLong();
                }
            });
            network.on("Network.loadingFinished", event -> {
                String id = event.get("requestId").getAsString();
                if (!streams.contains(id)) {
                    bytes[0] += event.get("encodedDataLength").getAsLong();
                }
                pending.remove(id);
                lastActivity[0] = System.nanoTime();
            });
            network.on("Network.loadingFailed", event -> {
                pending.remove(event.get("requestId").getAsString());
                lastActivity[0] = System.nanoTime();
            });
            network.send("Network.enable");

            page.navigate(WebBrowser.url(webPage.route()));
            long ready = Math.round(WebBrowser.settle(page));
            // Let whatever the page still fetches finish: quiet for half a second, at most ten seconds.
            long until = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < until
                    && (!pending.isEmpty() || System.nanoTime() - lastActivity[0] < 500_000_000L)) {
                page.waitForTimeout(100);
            }
            Number interactive = (Number) page.evaluate(
                    "() => performance.getEntriesByType('navigation')[0].domInteractive");
            Set<String> origins = new TreeSet<>();
            urls.values().stream().filter(url -> url.startsWith("http")).map(PageWeightSystemTest::origin)
                    .forEach(origins::add);
            return new Load(webPage, bytes[0], urls.size(), ready, Math.round(interactive.doubleValue()), origins);
        }
    }

    private static String type(JsonObject event) {
        return event.has("type") ? event.get("type").getAsString() : "";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
