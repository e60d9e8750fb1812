package org.mhconnect.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;

/**
 * The web app in a real browser: Debian's chromium ({@code /usr/bin/chromium}, or the one {@code MHC_CHROMIUM}
 * names; never a downloaded one), driven by Playwright. Test classes that use it are marked {@link BrowserTest}.
 * One browser per test JVM, shared by every browser test; each test takes a fresh context (its own cookies,
 * storage and cache). The app under test is the gateway of {@link RunningSystem#shared()}.
 */
final class WebBrowser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MHC_CHROMIUM", "/usr/bin/chromium"));

    /** Where the test people live; the browser reports it, and sign-up should pick it up. */
    static final String ZONE = "Europe/Berlin";
    static final String LOCALE = "en-GB";

    /** Playwright is not thread-safe: each lane of the system tests drives a browser of its own. */
    private static final ThreadLocal<Browser> BROWSERS = new ThreadLocal<>();

    private WebBrowser() {
    }

    /** This thread's browser, launched on first use and closed when the JVM exits. */
    static Browser browser() {
        Browser browser = BROWSERS.get();
        if (browser == null) {
            // @BrowserTest checks this before a class starts anything; here it also covers a class without it.
            Prerequisite.CHROMIUM.requireFor("the browser tests");
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser launched = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    launched.close();
                }
                finally {
                    playwright.close();
                }
            }, "browser-stop"));
            BROWSERS.set(launched);
            browser = launched;
        }
        return browser;
    }

    static String gateway() {
        try {
            return RunningSystem.shared().gateway();
        }
        catch (IOException ex) {
            throw new IllegalStateException("The system did not start", ex);
        }
    }

    /** The usual context: a desktop window in Berlin, English as in Britain, light colours. */
    static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions()
                .setBaseURL(gateway())
                .setTimezoneId(ZONE)
                .setLocale(LOCALE)
                .setViewportSize(1280, 800)
                .setColorScheme(ColorScheme.LIGHT)
                .setAcceptDownloads(true);
    }

    static BrowserContext newContext() {
        return newContext(desktop());
    }

    static BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = browser().newContext(options);
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** The address of a route of the app, such as {@code journal/new}. */
    static String url(String route) {
        return gateway() + "/#/" + route;
    }

    /** Opens a route and waits until its page has drawn its heading and finished loading what it shows. */
    static void open(Page page, String route) {
        String target = url(route);
        markShown(page);
        if (target.equals(page.url())) {
            page.reload();
        }
        else {
            page.navigate(target);
        }
        settle(page);
    }

    /**
     * Marks the page that is shown now, so that {@link #settle} waits for the next one: within the app, a new
     * route is drawn in the same document, a moment after the address changes.
     */
    static void markShown(Page page) {
        page.evaluate("() => document.querySelector('#page .page')?.setAttribute('data-shown-before', '')");
    }

    /**
     * Waits until the page shows its own heading (not the start-up placeholder) and no "Loading…" placeholder is
     * left: what a person would call "ready".
     */
    static double settle(Page page) {
        Object ready = page.waitForFunction("""
                () => {
                  const heading = document.querySelector('#page .page:not([data-shown-before]) h1');
                  if (!heading || heading.offsetParent === null) return false;
                  if (document.querySelector('#page .loading')) return false;
                  return performance.now();
                }""", null, new Page.WaitForFunctionOptions().setTimeout(20_000)).jsonValue();
        return ((Number) ready).doubleValue();
    }

    /** Signs in on the sign-in page, as a person would, and waits for the page that follows. */
    static void signInWithTheForm(Page page, String email) {
        page.navigate(url("sign-in"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(People.PASSWORD);
        markShown(page);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/#/today");
        settle(page);
    }

    /**
     * Signs a context in without drawing any page of the app: the browser itself posts the sign-in from a document
     * of the same origin that is not part of the app (the gateway's public keys), so the gateway's cookies land in
     * the context and the app's files are not yet in its cache.
     */
    static void signInQuietly(BrowserContext context, String email) {
        Page page = context.newPage();
        try {
            page.navigate(gateway() + "/.well-known/jwks.json");
            Object status = page.evaluate("""
                    async ([email, password]) => (await fetch('/api/auth/login', {
                      method: 'POST', credentials: 'same-origin',
                      headers: { 'Content-Type': 'application/json' },
                      body: JSON.stringify({ email, password }),
                    })).status""", List.of(email, People.PASSWORD));
            if (((Number) status).intValue() != 200) {
                throw new IllegalStateException("sign-in answered " + status);
            }
        }
        finally {
            page.close();
        }
    }

    /** A fresh address for a new test person. */
    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    /** Signs a person up through the API (in Berlin, in Britain), for tests whose subject is not the sign-up. */
    static People.Person signUp(String email, String name) throws Exception {
        var signedUp = People.post(gateway() + "/api/auth/signup", null, """
                {"email":"%s","password":"%s","displayName":"%s","timeZone":"%s","locale":"%s"}"""
                .formatted(email, People.PASSWORD, name, ZONE, LOCALE));
        if (signedUp.statusCode() != 201 && signedUp.statusCode() != 409) {
            throw new IllegalStateException("sign-up answered " + signedUp.statusCode() + ": " + signedUp.body());
        }
        var signedIn = People.post(gateway() + "/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, People.PASSWORD));
        var body = People.JSON.readTree(signedIn.body());
        return new People.Person(body.get("user").get("id").asString(), email, body.get("accessToken").asString());
    }
}
