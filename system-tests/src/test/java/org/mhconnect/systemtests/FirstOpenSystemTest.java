package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * How long the Library and Reminders take to open from the menu, the first time after signing in with the form and
 * once more after that: from the click (the event's own time) to the page's heading and content shown
 * ({@link WebBrowser#settle}), measured in the page itself. Three people in turn, each in a fresh browser context,
 * so the first person meets services that have served nobody yet and the others meet warm ones. Prints one line per
 * open, {@code FIRST-OPEN <person> <page> <first|again> <ms>}, with the requests the open made and how long each
 * took, and writes the lines to {@code target/first-opens.txt} for {@code docs/benchmarks.md}.
 *
 * <p>A menu page's code is loaded while the browser is idle after sign-in, so no open waits for code: that is
 * checked exactly. The time is checked against a ceiling well above the 300 ms the opens take on the development
 * machine, because two shared cores make single timings noisy; {@code docs/benchmarks.md} has the numbers.
 */
@BrowserTest
class FirstOpenSystemTest {

    /** Far above what the opens take once the services are warm (about 200 ms), far below the 1.5 s reported. */
    static final long WARM_CEILING_MS = 1000;

    record Open(int person, String page, String when, long ms, List<String> requests) {
    }

    @Test
    void theLibraryAndRemindersOpenQuicklyTheFirstTimeAfterSigningIn() throws Exception {
        List<Open> opens = new ArrayList<>();
        for (int person = 1; person <= 3; person++) {
            String email = WebBrowser.newEmail("first-open");
            People.Person someone = WebBrowser.signUp(email, "Noor");
            var reminder = People.post(WebBrowser.gateway() + "/api/reminders", someone,
                    "{\"kind\":\"journal\",\"title\":\"Evening pages\",\"channels\":[\"inbox\"],"
                            + "\"schedule\":{\"times\":[\"21:00\"],\"timeZone\":\"" + WebBrowser.ZONE + "\"}}");
            assertThat(reminder.statusCode()).as(reminder.body()).isEqualTo(201);
            try (BrowserContext context = WebBrowser.newContext()) {
                Page page = context.newPage();
                WebBrowser.signInWithTheForm(page, email);
                // While the person looks at Today, the menu's pages arrive. The browser fetches them when it is idle,
                // which on two cores shared with another lane of tests (a browser, services restarting) can take
                // longer than Playwright's usual 20 s; what is measured is the opens after it.
                page.waitForFunction("""
                        () => ['library', 'reminders'].every((name) => performance.getEntriesByType('resource')
                          .some((r) => r.name.endsWith(`/js/pages/${name}.js`) && r.responseEnd > 0))""", null,
                        new Page.WaitForFunctionOptions().setTimeout(90_000));
                for (String when : List.of("first", "again")) {
                    opens.add(open(page, person, "Library", when));
                    opens.add(open(page, person, "Reminders", when));
                }
            }
        }

        List<String> lines = new ArrayList<>();
        lines.add("# person page first|again ms  (from the menu click to the heading and content shown)");
        for (Open open : opens) {
            String line = "FIRST-OPEN %d %s %s %d".formatted(open.person(), open.page(), open.when(), open.ms());
            System.out.println(line);
            open.requests().forEach(request -> System.out.println("    " + request));
            lines.add(line);
        }
        Path report = Path.of("target", "first-opens.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);

        assertThat(opens).allSatisfy(open -> assertThat(open.requests())
                .as("code loaded by " + open.page() + " " + open.when() + " for person " + open.person())
                .noneMatch(request -> request.contains("/js/")));
        assertThat(opens.stream().filter(open -> open.person() > 1)).allSatisfy(open ->
                assertThat(open.ms()).as(open.page() + " " + open.when() + " for person " + open.person())
                        .isLessThanOrEqualTo(WARM_CEILING_MS));
    }

    private static Open open(Page page, int person, String name, String when) {
        WebBrowser.markShown(page);
        page.evaluate("""
                () => {
                  performance.clearResourceTimings();
                  window.clickedAt = null;
                  document.addEventListener('click', (event) => { window.clickedAt = event.timeStamp; },
                    { capture: true, once: true });
                }""");
        page.locator("nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName(name).setExact(true)).first().click();
        double shown = WebBrowser.settle(page);
        double clicked = ((Number) page.evaluate("() => window.clickedAt")).doubleValue();
        assertThat(page.locator("#page h1")).hasText(name);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources = (List<Map<String, Object>>) page.evaluate("""
                () => performance.getEntriesByType('resource').map(r => ({
                  name: r.name.replace(location.origin, ''), start: r.startTime, duration: r.duration }))""");
        List<String> requests = resources.stream()
                .filter(r -> ((Number) r.get("start")).doubleValue() >= clicked)
                .map(r -> "%6.0f ms after the click, %5.0f ms long: %s".formatted(
                        ((Number) r.get("start")).doubleValue() - clicked, ((Number) r.get("duration")).doubleValue(),
                        r.get("name")))
                .toList();
        // Back to Today, so that the next open starts from the same place.
        WebBrowser.markShown(page);
        page.locator("nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Today").setExact(true)).first().click();
        WebBrowser.settle(page);
        return new Open(person, name, when, Math.round(shown - clicked), requests);
    }
}
