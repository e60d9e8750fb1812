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
 * colours on a desktop, and in dark colours on a phone 360 pixels wide. Every page is checked before the test decides, so one
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

    /**
     * Dark colours and the narrowest phone in one pass: each pass over every page costs more than a minute of the
     * suite's budget, and together the two passes still see every page both dark and at 360 pixels (light and wide
     * are the pass above).
     */
    @Test
    void everyPageInDarkColoursOnAPhone360PixelsWide() {
        assertNoSeriousViolations("dark, 360px", options -> options.setColorScheme(ColorScheme.DARK)
                .setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
    }

    @Test
    void everyPageKeepsItsLayoutOnAPhoneAndOnADesktop() {
        List<String> problems = new ArrayList<>();
        for (boolean phone : List.of(true, false)) {
            Browser.NewContextOptions options = phone
                    ? WebBrowser.desktop().setViewportSize(412, 915).setIsMobile(true).setHasTouch(true)
                    : WebBrowser.desktop();
            for (Viewer viewer : List.of(Viewer.GUEST, Viewer.PERSON)) {
                try (BrowserContext context = WebBrowser.newContext(options)) {
                    if (viewer != Viewer.GUEST) {
                        WebBrowser.signInQuietly(context, cast.emailOf(viewer));
                    }
                    Page page = context.newPage();
                    for (WebPage webPage : cast.pages().stream().filter(p -> p.viewer() == viewer).toList()) {
                        WebBrowser.open(page, webPage.route());
                        @SuppressWarnings("unchecked")
                        List<String> found = (List<String>) page.evaluate(LAYOUT_PROBLEMS);
                        String where = webPage.name() + (phone ? " (phone)" : " (desktop)");
                        found.forEach(problem -> problems.add(where + ": " + problem));
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /**
     * What a person would see as broken, from inside the page: "Get support now" scrolled out of sight, a legend
     * across its fieldset's border, a select too narrow for the choice it shows.
     */
    static final String LAYOUT_PROBLEMS = """
            () => {
              const problems = [];
              window.scrollTo(0, document.documentElement.scrollHeight);
              const support = document.querySelector('[data-testid=header-support]').getBoundingClientRect();
              if (support.top < 0 || support.bottom > window.innerHeight) problems.push('"Get support now" is scrolled away');
              window.scrollTo(0, 0);
              for (const legend of document.querySelectorAll('fieldset > legend')) {
                if (!legend.offsetParent || legend.classList.contains('visually-hidden')) continue;
                const box = legend.closest('fieldset').getBoundingClientRect();
                const border = parseFloat(getComputedStyle(legend.closest('fieldset')).borderTopWidth);
                const own = legend.getBoundingClientRect();
                if (own.top < box.top + border || own.right > box.right) problems.push(`legend "${legend.textContent}" crosses its border`);
              }
              // A select's room for text is its width less what its own layout takes (padding, border, arrow):
              // the width it would have unconstrained, less its longest choice's text.
              const measure = document.createElement('canvas').getContext('2d');
              for (const select of document.querySelectorAll('select')) {
                if (!select.offsetParent || !select.selectedOptions.length) continue;
                measure.font = getComputedStyle(select).font;
                const textWidth = (option) => measure.measureText(option.text).width;
                const { width, maxWidth } = select.style;
                select.style.width = 'max-content';
                select.style.maxWidth = 'none';
                const natural = select.offsetWidth;
                select.style.width = width;
                select.style.maxWidth = maxWidth;
                const frame = natural - Math.max(...[...select.options].map(textWidth));
                const text = select.selectedOptions[0].text;
                if (select.offsetWidth + 1 < textWidth(select.selectedOptions[0]) + frame) {
                  problems.push(`select showing "${text}" is cut off`);
                }
              }
              return problems;
            }""";

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
                    // A screen reader reads a stray "null" aloud (DOM append of a missing part): never on any page.
                    String text = page.locator("#page").innerText();
                    if (java.util.regex.Pattern.compile("\\b(null|undefined|NaN)\\b").matcher(text).find()) {
                        problems.add(webPage.name() + " (" + mode + "): shows a literal null, undefined or NaN");
                    }
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
