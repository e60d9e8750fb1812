package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotAnimations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.WebPages.Cast;
import org.mhconnect.systemtests.WebPages.Viewer;
import org.mhconnect.systemtests.WebPages.WebPage;

/**
 * Screenshots of every page, on a phone (390 x 844) and on a desktop (1280 x 800), for docs/screenshots. Runs only
 * when asked with {@code -Dscreenshots=<folder>} (see bench/screenshots.sh), so an ordinary build writes nothing.
 */
@BrowserTest
class ScreenshotsSystemTest {

    static Path folder;
    static Cast cast;

    @BeforeAll
    static void onlyWhenAsked() throws Exception {
        String target = System.getProperty("screenshots", "");
        assumeTrue(!target.isBlank(), "screenshots are taken only with -Dscreenshots=<folder>");
        folder = Path.of(target).toAbsolutePath().normalize();
        Files.createDirectories(folder);
        cast = WebPages.cast();
    }

    @Test
    void everyPageOnAPhone() throws Exception {
        everyPage("phone", options -> options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    }

    @Test
    void everyPageOnADesktop() throws Exception {
        everyPage("desktop", options -> options.setViewportSize(1280, 800));
    }

    @Test
    void theSupportPanelAfterWordsOfCrisis() throws Exception {
        String email = WebBrowser.newEmail("robin");
        WebBrowser.signUp(email, "Robin");
        for (String size : new String[] {"phone", "desktop"}) {
            Browser.NewContextOptions options = size.equals("phone")
                    ? WebBrowser.desktop().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                    : WebBrowser.desktop();
            try (BrowserContext context = WebBrowser.newContext(options)) {
                WebBrowser.signInQuietly(context, email);
                Page page = context.newPage();
                WebBrowser.open(page, "journal/new");
                page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Very low").setExact(true)).check();
                page.getByLabel("Your words").fill("I can't see a way forward. I want to die.");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
                page.locator("[data-testid=crisis-support]").waitFor();
                shoot(page, "crisis-support-" + size);
            }
        }
    }

    private void everyPage(String size, UnaryOperator<Browser.NewContextOptions> adjust) throws Exception {
        for (Viewer viewer : Viewer.values()) {
            try (BrowserContext context = WebBrowser.newContext(adjust.apply(WebBrowser.desktop()))) {
                if (viewer != Viewer.GUEST) {
                    WebBrowser.signInQuietly(context, cast.emailOf(viewer));
                }
                Page page = context.newPage();
                for (WebPage webPage : cast.pages()) {
                    if (webPage.viewer() == viewer) {
                        WebBrowser.open(page, webPage.route());
                        // Previews and charts draw a moment after the data arrives.
                        page.waitForTimeout(600);
                        shoot(page, webPage.name() + "-" + size);
                    }
                }
            }
        }
    }

    private static void shoot(Page page, String name) throws Exception {
        // Toasts from an earlier step are not part of the page, nor is the ring around the heading that the app
        // focuses after each change of page (a person who clicked their way there would not see it).
        page.evaluate("""
                () => {
                  document.getElementById('toast')?.replaceChildren();
                  if (document.activeElement?.matches('#page h1')) document.activeElement.blur();
                }""");
        Path file = folder.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setAnimations(ScreenshotAnimations.DISABLED));
        assertThat(Files.size(file)).isPositive();
        System.out.println("SCREENSHOT " + file);
    }
}
