package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

/**
 * The web app as an app of its own, in a real chromium against the running system: it can be installed from its
 * manifest, its service worker keeps the app and the readings already opened for when the network is gone (and never
 * a journal answer), a person turns reminders on this device on and off, and a reminder's notification acts on its
 * signed link.
 *
 * <p>What chromium cannot do here is subscribe to a real push service: {@code PushManager.subscribe} asks Google's
 * servers for an address, and there are none to reach. {@link #stubThePushService} therefore replaces only the
 * page's {@code PushManager} (subscribe, getSubscription, unsubscribe) with one that hands out the subscription of a
 * {@link PushReceiver}: a push service on this machine that holds the browser's keys and decrypts what arrives as a
 * browser would. Everything else is real: the permission (granted by the browser context, asked for on the click),
 * the app's calls to reminder-service, reminder-service sending the reminder encrypted to that address, and the
 * signed link that "Done" posts. The browser would hand a push message to the service worker and tell it of a click
 * on the notification; here the test dispatches those two events inside the service worker ({@link ServiceWorkerScope},
 * through chromium's DevTools protocol), with the message that arrived.
 */
@BrowserTest
// A notification waits for its reminder's minute: the class runs beside the other system tests, in a browser of its own.
@Execution(ExecutionMode.CONCURRENT)
class InstallableAppSystemTest {

    static final String SWITCH = "Show my reminders as notifications on this device";
    static final String SUBSCRIPTIONS = "/api/notifications/push/subscriptions";

    BrowserContext context;
    Page page;

    @BeforeEach
    void aFreshVisit() {
        context = WebBrowser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    void theAppCanBeInstalledFromItsManifest() throws Exception {
        page.navigate(WebBrowser.gateway() + "/");
        WebBrowser.settle(page);

        String address = page.locator("link[rel=manifest]").getAttribute("href");
        APIResponse answer = page.request().get(address);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/manifest+json");
        JsonNode manifest = People.JSON.readTree(answer.text());
        assertThat(manifest.get("name").asString()).isEqualTo("Mental Health Connect");
        assertThat(manifest.get("short_name").asString()).isNotBlank();
        assertThat(manifest.get("start_url").asString()).isEqualTo("/");
        assertThat(manifest.get("display").asString()).isEqualTo("standalone");
        assertThat(manifest.get("theme_color").asString())
                .isEqualTo(page.locator("meta[name=theme-color]").getAttribute("content"));
        List<String> icons = new ArrayList<>();
        for (JsonNode icon : manifest.get("icons")) {
            APIResponse image = page.request().get(icon.get("src").asString());
            assertThat(image.status()).as(icon.get("src").asString()).isEqualTo(200);
            assertThat(image.headers().get("content-type")).isEqualTo("image/png");
            icons.add(icon.get("sizes").asString() + " " + icon.get("purpose").asString());
        }
        assertThat(icons).contains("192x192 any", "512x512 any", "512x512 maskable");

        // Chromium's own reading of the manifest: no errors, and the same name and icons.
        var cdp = context.newCDPSession(page);
        var read = cdp.send("Page.getAppManifest");
        assertThat(read.getAsJsonArray("errors")).as("chromium's manifest errors").isEmpty();
        assertThat(read.get("url").getAsString()).endsWith("/manifest.webmanifest");
    }

    @Test
    void theServiceWorkerControlsThePageAndKeepsReadingsButNeverTheJournalForOffline() throws Exception {
        String email = WebBrowser.newEmail("offline");
        WebBrowser.signUp(email, "Noor");
        WebBrowser.signInQuietly(context, email);
        var library = People.JSON.readTree(page.request().get(WebBrowser.gateway() + "/api/content/items?type=article&size=1").text());
        String slug = library.get("items").get(0).get("slug").asString();
        String title = library.get("items").get(0).get("title").asString();

        WebBrowser.open(page, "journal");
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        WebBrowser.open(page, "journal");
        WebBrowser.open(page, "library/" + slug);
        assertThat(page.locator("#page h1")).hasText(title);

        @SuppressWarnings("unchecked")
        List<String> kept = (List<String>) page.evaluate("""
                async () => {
                  const urls = [];
                  for (const name of await caches.keys()) {
                    for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
                  }
                  return urls;
                }""");
        assertThat(kept).contains("/index.html", "/app.css", "/js/app.js", "/js/pages/item.js", "/api/content/items/" + slug);
        assertThat(kept).filteredOn(path -> path.startsWith("/api/")).containsOnly("/api/content/items/" + slug);

        context.setOffline(true);
        WebBrowser.open(page, "library/" + slug);
        assertThat(page.locator("#page h1")).hasText(title);
        assertThat(page.locator("[data-testid=item-body]")).not().isEmpty();
    }

    @Test
    void turningNotificationsOnThisDeviceOnAndOffGivesRemindersItsSubscriptionAndTakesItBack() throws Exception {
        signedInWithNotificationsAllowed("push");
        try (PushReceiver pushService = new PushReceiver()) {
            stubThePushService(context, pushService);
            WebBrowser.open(page, "reminders");
            Locator onThisDevice = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SWITCH));
            assertThat(onThisDevice).not().isChecked();
            // Notifications are allowed for this site already (the browser context granted them), so nothing asks again.
            assertThat(devicePush()).containsText("Off. Turn it on to get reminders here.");

            Response stored = page.waitForResponse(response -> isSubscriptions(response, "PUT"), onThisDevice::check);

            assertThat(stored.status()).isEqualTo(204);
            JsonNode subscription = People.JSON.readTree(stored.request().postData());
            assertThat(subscription.get("endpoint").asString()).isEqualTo(pushService.endpoint());
            assertThat(subscription.get("keys").get("p256dh").asString()).isEqualTo(pushService.p256dh());
            assertThat(subscription.get("keys").get("auth").asString()).isEqualTo(pushService.auth());
            assertThat(page.evaluate("() => window.stubbedPush.subscribedWith")).isEqualTo(vapidPublicKey());
            assertThat(onThisDevice).isChecked();
            assertThat(devicePush()).containsText("On: reminders can pop up on this device.");

            Response forgotten = page.waitForResponse(response -> isSubscriptions(response, "DELETE"), onThisDevice::uncheck);

            assertThat(forgotten.status()).isEqualTo(204);
            assertThat(People.JSON.readTree(forgotten.request().postData()).get("endpoint").asString())
                    .isEqualTo(pushService.endpoint());
            assertThat(page.evaluate("() => window.stubbedPush.current")).isNull();
            assertThat(onThisDevice).not().isChecked();
            assertThat(devicePush()).containsText("Off: reminders no longer pop up on this device.");
        }
    }

    @Test
    void signingOutForgetsTheKeptReadingsAndStopsNotificationsOnThisDevice() throws Exception {
        signedInWithNotificationsAllowed("leaving");
        try (PushReceiver pushService = new PushReceiver()) {
            stubThePushService(context, pushService);
            String slug = People.JSON.readTree(page.request().get(WebBrowser.gateway() + "/api/content/items?size=1").text())
                    .get("items").get(0).get("slug").asString();
            WebBrowser.open(page, "reminders");
            serviceWorker();
            WebBrowser.open(page, "library/" + slug);
            WebBrowser.open(page, "reminders");
            page.waitForResponse(response -> isSubscriptions(response, "PUT"),
                    () -> page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SWITCH)).check());
            assertThat(page.evaluate("() => caches.has('mhc-library-v1')")).isEqualTo(true);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

            page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate("() => window.stubbedPush.current === null")));
            page.waitForCondition(() -> Boolean.FALSE.equals(page.evaluate("() => caches.has('mhc-library-v1')")));
        }
    }

    @Test
    void aReminderSentAsABrowserNotificationOffersSnoozeAndDoneAndDoneIsPostedToItsSignedLink() throws Exception {
        signedInWithNotificationsAllowed("done");
        try (PushReceiver pushService = new PushReceiver()) {
            stubThePushService(context, pushService);
            WebBrowser.open(page, "reminders");
            page.waitForResponse(response -> isSubscriptions(response, "PUT"),
                    () -> page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(SWITCH)).check());

            // A reminder at the next whole minute (or the one after, when this one is too close), as a notification
            // and in the inbox.
            LocalTime now = LocalTime.now(ZoneId.of(WebBrowser.ZONE));
            LocalTime due = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() < 40 ? 1 : 2);
            String title = "Three slow breaths " + due;
            WebBrowser.open(page, "reminders/new");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Something of my own")).check();
            page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
            page.getByLabel("Time 1", new Page.GetByLabelOptions().setExact(true)).fill(due.toString());
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Browser notifications")).check();
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("In the app (inbox)"))).isChecked();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add reminder")).click();
            page.waitForURL("**/#/reminders");
            assertThat(page.locator("[data-testid=reminder-list]")).containsText("as a notification");

            // reminder-service sends it to the push service of the subscription the app handed over.
            long wait = Duration.between(LocalTime.now(ZoneId.of(WebBrowser.ZONE)), due).plusSeconds(90).toSeconds();
            PushReceiver.Message message = pushService.next(Math.max(wait, 90), TimeUnit.SECONDS);
            assertThat(message).as("a push message within 90 s of " + due).isNotNull();
            assertThat(message.contentEncoding()).isEqualTo("aes128gcm");
            assertThat(message.authorization()).startsWith("vapid t=").contains("k=" + vapidPublicKey());
            JsonNode payload = People.JSON.readTree(message.payload());
            assertThat(payload.get("title").asString()).isEqualTo(title);
            String done = linkOf(payload, "done");
            assertThat(done).startsWith(WebBrowser.gateway() + "/api/notifications/actions/");

            // The browser hands the message to the service worker, which shows it with its two actions.
            ServiceWorkerScope serviceWorker = serviceWorker();
            JsonNode shown = People.JSON.readTree(serviceWorker.call(PUSH_A_MESSAGE, quoted(message.payload())).toString());
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).get("title").asString()).isEqualTo(title);
            assertThat(shown.get(0).get("actions").toString()).isEqualTo("[\"Snooze 15 min\",\"Done\"]");
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxItem(title) != null);
            assertThat(inboxItem(title).get("read")).isEqualTo(false);

            // "Done" is posted to its signed link: the reminder is marked read in the inbox.
            serviceWorker.call(CLICK_THE_NOTIFICATION, quoted("done"));

            await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(inboxItem(title).get("read")));
            assertThat(serviceWorker.call("async () => (await self.registration.getNotifications()).length", "").getAsInt())
                    .as("notifications left").isZero();
        }
    }

    @Test
    void aClickOnTheNotificationItselfTakesTheOpenAppToTheReminder() throws Exception {
        signedInWithNotificationsAllowed("open");
        WebBrowser.open(page, "library");
        ServiceWorkerScope serviceWorker = serviceWorker();
        serviceWorker.call(PUSH_A_MESSAGE, quoted("""
                {"title": "Time for a gentle check-in", "body": "", "url": "%s/#/inbox", "actions": []}"""
                .formatted(WebBrowser.gateway())));

        serviceWorker.call(CLICK_THE_NOTIFICATION, quoted(""));

        page.waitForURL("**/#/inbox");
        assertThat(page.locator("#page h1")).hasText("Inbox");
    }

    private void signedInWithNotificationsAllowed(String who) throws Exception {
        String email = WebBrowser.newEmail(who);
        WebBrowser.signUp(email, "Sam");
        WebBrowser.signInQuietly(context, email);
        context.grantPermissions(List.of("notifications"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(WebBrowser.gateway()));
    }

    /** The app's service worker, once it controls the page. */
    private ServiceWorkerScope serviceWorker() {
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        return ServiceWorkerScope.of(page, WebBrowser.browser(), WebBrowser.gateway() + "/sw.js");
    }

    /** Text as a JavaScript string literal. */
    private static String quoted(String text) {
        return new com.google.gson.JsonPrimitive(text).toString();
    }

    private Locator devicePush() {
        return page.locator("[data-testid=device-push]");
    }

    private static boolean isSubscriptions(Response response, String method) {
        return response.url().endsWith(SUBSCRIPTIONS) && method.equals(response.request().method());
    }

    private String vapidPublicKey() {
        return People.JSON.readTree(page.request().get(WebBrowser.gateway() + "/api/notifications/push/public-key").text())
                .get("publicKey").asString();
    }

    private static String linkOf(JsonNode payload, String action) {
        for (JsonNode each : payload.get("actions")) {
            if (action.equals(each.get("action").asString())) {
                return each.get("link").asString();
            }
        }
        throw new AssertionError("no " + action + " action in " + payload);
    }

    /** The signed-in person's inbox item with this title, as the app reads it, or null. */
    private Map<?, ?> inboxItem(String title) {
        return (Map<?, ?>) page.evaluate("""
                async (title) => (await (await fetch('/api/notifications/inbox')).json())
                  .items.find((item) => item.title === title) || null""", title);
    }

    /**
     * Dispatches a {@code push} event with this message (JSON text) to the service worker's own listener, as the
     * browser does when its push service delivers one; waits for what the listener asked the browser to wait for, and
     * answers the notifications shown. An event made by a script may not call {@code waitUntil}, so the test keeps
     * the promise itself.
     */
    static final String PUSH_A_MESSAGE = """
            async (message) => {
              const event = new PushEvent('push', { data: message });
              const work = [];
              Object.defineProperty(event, 'waitUntil', { value: (promise) => work.push(promise) });
              self.dispatchEvent(event);
              await Promise.all(work);
              return (await self.registration.getNotifications()).map((n) => ({
                title: n.title, body: n.body, tag: n.tag, actions: n.actions.map((a) => a.title),
              }));
            }""";

    /** Dispatches a {@code notificationclick} on the notification shown, with the action clicked ('' for its body). */
    static final String CLICK_THE_NOTIFICATION = """
            async (action) => {
              const [notification] = await self.registration.getNotifications();
              const event = new NotificationEvent('notificationclick', { notification, action });
              const work = [];
              Object.defineProperty(event, 'waitUntil', { value: (promise) => work.push(promise) });
              self.dispatchEvent(event);
              await Promise.all(work);
            }""";

    /**
     * Replaces the page's {@code PushManager} with one that subscribes as chromium would with a push service, handing
     * out the subscription of {@code pushService}: its address on this machine (reminder-service accepts loopback push
     * addresses only where, as here, it is told to), its P-256 public key and its 16-byte secret.
     * {@code window.stubbedPush} shows what the app asked for.
     */
    static void stubThePushService(BrowserContext context, PushReceiver pushService) {
        context.addInitScript("""
                (() => {
                  const base64Url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
                    .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
                  const state = { current: null, subscribedWith: null };
                  window.stubbedPush = state;
                  PushManager.prototype.getSubscription = async function () { return state.current; };
                  PushManager.prototype.subscribe = async function (options) {
                    const key = new Uint8Array(options.applicationServerKey);
                    state.subscribedWith = base64Url(key);
                    const json = { endpoint: '%s', expirationTime: null, keys: { p256dh: '%s', auth: '%s' } };
                    state.current = {
                      endpoint: json.endpoint,
                      expirationTime: null,
                      options: { userVisibleOnly: true, applicationServerKey: key.buffer },
                      toJSON: () => json,
                      unsubscribe: async () => { state.current = null; return true; },
                    };
                    return state.current;
                  };
                })();""".formatted(pushService.endpoint(), pushService.p256dh(), pushService.auth()));
    }
}
