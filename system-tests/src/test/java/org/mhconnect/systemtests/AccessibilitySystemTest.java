package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.WebPages.Cast;
import org.mhconnect.systemtests.WebPages.Viewer;
import org.mhconnect.systemtests.WebPages.WebPage;

/**
 * axe-core, injected into each page of the web app, finds no serious or critical problem on any of them: in light
 * colours, in dark colours, and on a phone 360 pixels wide. Every page is checked before the test decides, so one
 * run lists every problem at once.
 */
@BrowserTest
class AccessibilitySystemTest {

    static final Set<String> BLOCKING = Set.of("serious", "critical");

    static Cast cast;

    @BeforeAll
    static void everyPageHasSomethingToShow() throws Exception {
        cast = WebPages.cast();
    }

    @Test
    void everyPageInLightColours() {
        assertNoSeriousViolations("light", options -> options.setColorScheme(ColorScheme.LIGHT));
    }

    @Test
    void everyPageInDarkColours() {
        assertNoSeriousViolations("dark", options -> options.setColorScheme(ColorScheme.DARK));
    }

    @Test
    void everyPageOnAPhone360PixelsWide() {
        assertNoSeriousViolations("360px", options -> options.setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true));
    }

    @Test
    void theCrisisSupportPanelToo() throws Exception {
        String email = WebBrowser.newEmail("robin");
        WebBrowser.signUp(email, "Robin");
        try (BrowserContext context = WebBrowser.newContext()) {
            WebBrowser.signInQuietly(context, email);
            Page page = context.newPage();
            WebBrowser.open(page, "journal/new");
            page.getByRole(com.microsoft.playwright.options.AriaRole.RADIO,
                    new Page.GetByRoleOptions().setName("Very low").setExact(true)).check();
            page.getByLabel("Your words").fill("Everything is too much. I want to die.");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Save entry")).click();
            page.locator("[data-testid=crisis-support]").waitFor();

            List<String> problems = violations(page, "crisis support panel");

            assertThat(problems).as(String.join("\n", problems)).isEmpty();
        }
    }

    private void assertNoSeriousViolations(String mode, UnaryOperator<Browser.NewContextOptions> adjust) {
        List<String> problems = new ArrayList<>();
        for (Viewer viewer : Viewer.values()) {
            List<WebPage> pages = cast.pages().stream().filter(p -> p.viewer() == viewer).toList();
            try (BrowserContext context = WebBrowser.newContext(adjust.apply(WebBrowser.desktop()))) {
                if (viewer != Viewer.GUEST) {
                    WebBrowser.signInQuietly(context, cast.emailOf(viewer));
                }
                Page page = context.newPage();
                for (WebPage webPage : pages) {
                    WebBrowser.open(page, webPage.route());
                    problems.addAll(violations(page, webPage.name() + " (" + mode + ")"));
                }
            }
        }
        problems.forEach(System.out::println);
        assertThat(problems).as("serious or critical accessibility violations (" + mode + "):\n"
                + String.join("\n", problems)).isEmpty();
    }

    /** axe-core's serious and critical findings on the page as it is now, one line per rule and element. */
    static List<String> violations(Page page, String where) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!BLOCKING.contains(rule.getImpact())) {
                continue;
            }
            for (CheckedNode node : rule.getNodes()) {
                found.add("A11Y %s: %s [%s] %s at %s: %s".formatted(where, rule.getId(), rule.getImpact(),
                        rule.getHelp(), node.getTarget(), oneLine(node.getFailureSummary())));
            }
        }
        return found;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
