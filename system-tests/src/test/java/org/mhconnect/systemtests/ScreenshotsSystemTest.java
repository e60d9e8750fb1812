package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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

    /**
     * The web app installed, in a window of its own on a Linux desktop, and one of Sam's reminders arriving as a
     * desktop notification with its two actions. Everything on the way is real except the push service's address:
     * reminder-service encrypts and sends the reminder to a {@link PushReceiver} on this machine (chromium cannot
     * reach Google's push service here), and the message that arrives is handed to the app's service worker, which
     * shows it; chromium passes it to the desktop's notification daemon. Needs {@link LinuxDesktop#PACKAGES}.
     */
    @Test
    void theInstalledAppWithAReminderAsADesktopNotification() throws Exception {
        new Prerequisite("a virtual desktop (Xvfb, openbox, dunst, D-Bus, ImageMagick) is not installed",
                LinuxDesktop.PROGRAMS.stream().allMatch(Files::isExecutable),
                "install it with: sudo apt-get install " + LinuxDesktop.PACKAGES).requireFor("the installed-app picture");
        String gateway = WebBrowser.gateway();
        String email = WebBrowser.newEmail("sam");
        People.Person sam = WebBrowser.signUp(email, "Sam");
        WebPages.confirmAddress(email);
        reminder(sam, "journal", "Evening pages", "21:00", "push", "inbox");
        reminder(sam, "custom", "A kind word to myself", "08:30", "inbox");

        try (LinuxDesktop desktop = LinuxDesktop.withApp(1280, 800, gateway + "/", 790, 730);
                Playwright playwright = Playwright.create();
                PushReceiver pushService = new PushReceiver()) {
            Browser browser = playwright.chromium().connectOverCDP(desktop.devTools());
            BrowserContext context = browser.contexts().getFirst();
            Page app = context.pages().stream().filter(page -> page.url().startsWith(gateway)).findFirst().orElseThrow();
            WebBrowser.signInQuietly(context, email);
            context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(gateway));
            InstallableAppSystemTest.stubThePushService(context, pushService);
            // The app window opened before the sign-in: it starts again, signed in, with the push service in place.
            app.reload();
            app.locator("#page h1").waitFor();
            app.evaluate("() => { location.hash = '#/reminders'; }");
            app.locator("#page h1").getByText("Reminders").waitFor();
            app.waitForResponse(response -> response.url().endsWith("/api/notifications/push/subscriptions")
                    && "PUT".equals(response.request().method()), () -> app.getByRole(AriaRole.CHECKBOX,
                    new Page.GetByRoleOptions().setName("Show my reminders as notifications on this device")).check());

            ZonedDateTime now = ZonedDateTime.now(ZoneId.of(WebBrowser.ZONE));
            LocalTime due = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() < 40 ? 1 : 2);
            reminder(sam, "custom", "Three slow breaths", due.toString(), "push", "inbox");
            PushReceiver.Message message = pushService.next(180, TimeUnit.SECONDS);
            assertThat(message).as("the reminder pushed within three minutes").isNotNull();

            app.reload();
            app.locator("[data-testid=reminder-list]").getByText("Three slow breaths").first().waitFor();
            app.waitForFunction("() => navigator.serviceWorker.controller !== null");
            ServiceWorkerScope.of(app, browser, gateway + "/sw.js").call(InstallableAppSystemTest.PUSH_A_MESSAGE,
                    new com.google.gson.JsonPrimitive(message.payload()).toString());
            app.evaluate("() => document.getElementById('toast')?.replaceChildren()");
            Thread.sleep(1500);
            Path file = folder.resolve("installed-app-notification-desktop.png");
            desktop.capture(file);
            assertThat(Files.size(file)).isPositive();
            System.out.println("SCREENSHOT " + file);
        }
    }

    private static void reminder(People.Person person, String kind, String title, String time, String... channels)
            throws Exception {
        var created = People.post(WebBrowser.gateway() + "/api/reminders", person, """
                {"kind":"%s","title":"%s","channels":[%s],"schedule":{"times":["%s"],"timeZone":"%s"}}"""
                .formatted(kind, title, String.join(",", java.util.Arrays.stream(channels).map(c -> '"' + c + '"').toList()),
                        time, WebBrowser.ZONE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
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
