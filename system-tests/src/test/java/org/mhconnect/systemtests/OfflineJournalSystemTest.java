package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A journal entry saved without a connection is neither lost nor doubled: in a real browser taken offline, Save keeps
 * the entry on this device and says so calmly; back online, it is added to the journal exactly once, with the
 * Idempotency-Key it was given when it was saved, even when the first answer is lost on its way back and the entry is
 * sent again. A renewal of the session that gets no answer (the gateway away) keeps the person signed in and the entry
 * waiting. Signing out while one is still waiting asks first, and then leaves nothing written on the device.
 */
@BrowserTest
class OfflineJournalSystemTest {

    /** Calm words, so that no support panel comes: this test is about the entry's way to the journal. */
    static final String WORDS = "The tea was warm, the afternoon was slow, and the fields outside were gold";

    /** Words that signal a crisis: the journal's answer then carries a support block. */
    static final String CRISIS_WORDS = "Nothing helps any more. I want to die.";

    /** Every entry waiting on this device, whoever wrote it. */
    static final String WAITING_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('mhc.journal-waiting.'))";

    People.Person person;
    String email;
    BrowserContext context;
    Page page;

    @BeforeEach
    void someoneSignedInOnline() throws Exception {
        email = WebBrowser.newEmail("offline-writer");
        person = WebBrowser.signUp(email, "Ines");
        context = WebBrowser.newContext();
        WebBrowser.signInQuietly(context, email);
        page = context.newPage();
        // The pages used offline are opened once online, as a person would have: their code is then at hand.
        WebBrowser.open(page, "journal");
        WebBrowser.open(page, "journal/new");
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    void anEntrySavedOfflineWaitsOnThisDeviceAndIsAddedOnceWhenBackOnline() throws Exception {
        context.setOffline(true);
        saveAnEntry();

        assertThat(page.getByTestId("kept-on-device")).containsText("Saved on this device");
        assertThat(page.getByTestId("kept-on-device")).containsText("It will be added to your journal when you are back online.");
        assertThat(waiting()).hasSize(1);
        String writtenAt = (String) page.evaluate("keys => JSON.parse(localStorage.getItem(keys[0])).payload.localDateTime", waiting());
        assertThat(entriesWithTheWords()).as("entries in the journal while offline").isEmpty();
        assertThat(AccessibilitySystemTest.violations(page, "saved on this device")).isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to Today")).click();
        assertThat(page.getByTestId("today-waiting"))
                .containsText("One entry is saved on this device, waiting to be added to your journal when you are back online.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See it in your journal")).click();
        Locator waitingHere = page.getByTestId("waiting-entries");
        assertThat(waitingHere).containsText("Waiting to be added");
        assertThat(waitingHere).containsText("The tea was warm");
        assertThat(AccessibilitySystemTest.violations(page, "journal with an entry waiting")).isEmpty();

        context.setOffline(false);

        assertThat(waitingHere).hasCount(0);
        assertThat(page.getByTestId("journal-list").getByText("The tea was warm")).hasCount(1);
        assertThat(waiting()).isEmpty();
        List<JsonNode> added = entriesWithTheWords();
        assertThat(added).as("entries in the journal once back online").hasSize(1);
        // It keeps the time it was saved at on the device, not the time it reached the journal.
        assertThat(writtenAt).isNotBlank();
        assertThat(added.getFirst().get("localDateTime").asString()).startsWith(writtenAt.substring(0, 16));
    }

    @Test
    void anEntryWhoseAnswerWasLostIsSentAgainWithTheSameKeyAndAddedOnlyOnce() throws Exception {
        context.setOffline(true);
        saveAnEntry();
        assertThat(waiting()).hasSize(1);

        // Back online, the save reaches the journal, but its answer is lost on the way back, twice.
        List<String> keysSent = new CopyOnWriteArrayList<>();
        page.route("**/api/journal/entries", route -> {
            if (!"POST".equals(route.request().method())) {
                route.resume();
                return;
            }
            keysSent.add(route.request().headerValue("idempotency-key"));
            route.fetch();
            route.abort("internetdisconnected");
        });
        context.setOffline(false);
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOfTheWaitingEntry() == 1);
        assertThat(entriesWithTheWords()).as("entries after the first, unanswered, send").hasSize(1);
        assertThat(waiting()).as("still waiting, as far as the browser knows").hasSize(1);

        // Two `online` events at once send it once.
        page.evaluate("() => { window.dispatchEvent(new Event('online')); window.dispatchEvent(new Event('online')); }");
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOfTheWaitingEntry() == 2);
        assertThat(keysSent).hasSize(2);

        // The app starts again with the answer getting through: the same key brings the first entry back.
        page.unrouteAll();
        WebBrowser.open(page, "journal");
        // The same address again reloads the page: the app starts afresh, signed in, and sends what waits.
        WebBrowser.open(page, "journal");
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting().isEmpty());

        assertThat(keysSent).doesNotContainNull().containsOnly(keysSent.getFirst());
        assertThat(entriesWithTheWords()).as("entries after every send").hasSize(1);
        assertThat(page.getByTestId("journal-list").getByText("The tea was warm")).hasCount(1);
    }

    @Test
    void anEntryWaitingWhileTheServiceCannotRenewTheSessionIsKeptAndAddedOnceItCan() throws Exception {
        context.setOffline(true);
        saveAnEntry();
        assertThat(waiting()).hasSize(1);

        // Back online, the access token has run out (the journal answers 401) and the gateway is away: the renewal
        // answers 503. That says nothing about the session, so the person stays signed in and the entry stays.
        AtomicInteger renewals = new AtomicInteger();
        page.route("**/api/journal/entries", route -> {
            if ("POST".equals(route.request().method())) {
                route.fulfill(new Route.FulfillOptions().setStatus(401).setContentType("application/problem+json")
                        .setBody("{\"title\":\"Unauthorized\",\"status\":401}"));
            }
            else {
                route.resume();
            }
        });
        page.route("**/api/auth/refresh", route -> {
            renewals.incrementAndGet();
            route.fulfill(new Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                    .setHeaders(java.util.Map.of("Retry-After", "5"))
                    .setBody("{\"title\":\"Service unavailable\",\"status\":503}"));
        });
        // The access token ran out a while ago, as far as this tab knows: a 401 leads to a renewal.
        page.evaluate("() => { localStorage.setItem('mhc.accessExpiresAt', String(Date.now() - 60_000));"
                + " localStorage.setItem('mhc.refreshedAt', String(Date.now() - 11 * 60_000)); }");
        context.setOffline(false);
        // (Playwright runs the route handlers while the test waits on the page, so the wait asks the page.)
        await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOfTheWaitingEntry() == 1);
        assertThat(renewals.get()).as("renewals asked for").isPositive();
        assertThat(waiting()).as("entries waiting on this device after the renewal failed").hasSize(1);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertThat(page.locator("body")).not().containsText("Your session has ended");

        // The gateway is back: the next send is added to the journal, once.
        page.unrouteAll();
        page.evaluate("() => window.dispatchEvent(new Event('online'))");
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting().isEmpty());
        assertThat(entriesWithTheWords()).as("entries once the gateway was back").hasSize(1);
    }

    @Test
    void anEntryWaitingWhenTheSessionEndsIsKeptForTheNextSignInAndAddedThen() throws Exception {
        context.setOffline(true);
        saveAnEntry();
        assertThat(waiting()).hasSize(1);

        // Back online, the session is over: the journal answers 401 and so does the renewal (a refresh token the
        // gateway no longer takes). Nobody chose to leave the entry behind, so it stays for the next sign-in.
        page.route("**/api/journal/entries", route -> {
            if ("POST".equals(route.request().method())) {
                route.fulfill(new Route.FulfillOptions().setStatus(401).setContentType("application/problem+json")
                        .setBody("{\"title\":\"Unauthorized\",\"status\":401}"));
            }
            else {
                route.resume();
            }
        });
        page.route("**/api/auth/refresh", route -> route.fulfill(new Route.FulfillOptions().setStatus(401)
                .setContentType("application/problem+json").setBody("{\"title\":\"Please sign in again\",\"status\":401}")));
        page.evaluate("() => { localStorage.setItem('mhc.accessExpiresAt', String(Date.now() - 60_000));"
                + " localStorage.setItem('mhc.refreshedAt', String(Date.now() - 11 * 60_000)); }");
        context.setOffline(false);

        assertThat(page.locator("#toast")).containsText("The entry saved on this device will be added to your journal then.");
        assertThat(page.locator("#page h1")).hasText("Welcome back");
        assertThat(waiting()).as("entries waiting on this device after the session ended").hasSize(1);

        // Signing in again sends it, once.
        page.unrouteAll();
        WebBrowser.signInWithTheForm(page, email);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting().isEmpty());
        assertThat(entriesWithTheWords()).as("entries after signing in again").hasSize(1);
    }

    @Test
    void anEntryKeptOfflineIsAddedOnceAfterTheAppStartedAgainWithoutANetwork() throws Exception {
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        context.setOffline(true);
        saveAnEntry();
        assertThat(page.getByTestId("kept-on-device")).containsText("Saved on this device");

        // The app starts again offline, from the service worker's shell: it cannot ask who is signed in.
        page.reload();
        page.waitForURL("**/#/sign-in?next=*");
        assertThat(waiting()).hasSize(1);

        context.setOffline(false);
        // A document loaded while Playwright keeps the context offline still reads navigator.onLine as true, so
        // chromium sends it no `online` event when the context goes online again; a real browser does, as here.
        page.evaluate("() => window.dispatchEvent(new Event('online'))");

        page.waitForURL("**/#/journal/new");
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting().isEmpty());
        assertThat(entriesWithTheWords()).hasSize(1);
    }

    @Test
    void signingOutWithAnEntryWaitingAsksFirstAndThenLeavesNoWordsOnTheDevice() throws Exception {
        context.setOffline(true);
        saveAnEntry();
        Locator signOut = page.locator("#main-nav").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out"));

        signOut.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Sign out and remove the entry waiting on this device?"));
        assertThat(dialog).containsText("not reached your journal yet");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stay signed in")).click();
        assertThat(dialog).hasCount(0);
        assertThat(signOut).isVisible();
        assertThat(waiting()).hasSize(1);

        signOut.click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out and remove it")).click();
        page.waitForURL("**/#/");

        assertThat(waiting()).as("entries waiting after signing out").isEmpty();
        assertThat((String) page.evaluate("() => JSON.stringify(localStorage)")).doesNotContain("gold");
        assertThat(entriesWithTheWords()).isEmpty();
    }

    @Test
    void wordsOfCrisisSavedOfflineBringTheSupportPanelWhenTheyReachTheJournal() throws Exception {
        context.setOffline(true);
        page.getByLabel("Your words").fill(CRISIS_WORDS);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        assertThat(page.getByTestId("kept-on-device")).containsText("Saved on this device");

        context.setOffline(false);

        Locator panel = page.getByTestId("crisis-support");
        assertThat(panel).isVisible();
        assertThat(panel).containsText("Your entry is saved. You are not alone.");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close and return to my journal")).click();
        assertThat(panel).hasCount(0);
        assertThat(waiting()).isEmpty();
        var entries = People.JSON.readTree(People.get(WebBrowser.gateway() + "/api/journal/entries?size=100", person).body());
        assertThat(entries.get("items").valueStream().filter(entry -> CRISIS_WORDS.equals(entry.get("body").asString())))
                .hasSize(1);
    }

    @Test
    void anEntryTheJournalCannotTakeAsItIsWaitsForAnotherLookAndIsAddedOnceChanged() throws Exception {
        context.setOffline(true);
        page.getByLabel("Your words").fill(WORDS);
        page.getByText("More options").click();
        String tomorrow = LocalDateTime.now(ZoneId.of(WebBrowser.ZONE)).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        page.getByLabel("When did this happen? (optional)").fill(tomorrow);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        assertThat(page.getByTestId("kept-on-device")).containsText("Saved on this device");

        // Back online, the journal refuses a time in the future (400): the entry is not sent again on its own.
        context.setOffline(false);
        page.waitForFunction(WAITING_KEYS + ".some(k => JSON.parse(localStorage.getItem(k)).held)");
        assertThat(entriesWithTheWords()).isEmpty();

        WebBrowser.open(page, "journal");
        Locator waitingHere = page.getByTestId("waiting-entries");
        assertThat(waitingHere).containsText("Needs another look");
        assertThat(waitingHere).containsText("in the future");
        assertThat(AccessibilitySystemTest.violations(page, "journal with an entry to look at again")).isEmpty();
        WebBrowser.markShown(page);
        waitingHere.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open it to look again")).click();
        WebBrowser.settle(page);
        assertThat(page.getByLabel("Your words")).hasValue(WORDS);
        assertThat(page.getByTestId("held-entry")).containsText("in the future");

        page.getByText("More options").click();
        page.getByLabel("When did this happen? (optional)").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        // The form's own address (#/journal/new?waiting=<key>) has dashes too: the entry's page is #/journal/<id>.
        page.waitForURL(url -> url.matches(".*#/journal/[0-9a-f-]+"));

        assertThat(page.locator(".entry-body")).hasText(WORDS);
        assertThat(waiting()).isEmpty();
        assertThat(entriesWithTheWords()).hasSize(1);
    }

    @Test
    void aChangeToAnEntryCannotBeSavedOfflineAndStaysAsADraft() throws Exception {
        var written = People.post(WebBrowser.gateway() + "/api/journal/entries", person, """
                {"body":"A first version of the day","timeZone":"%s"}""".formatted(WebBrowser.ZONE));
        String id = People.JSON.readTree(written.body()).get("id").asString();
        WebBrowser.open(page, "journal/" + id + "/edit");

        context.setOffline(true);
        page.getByLabel("Your words").fill("A second version of the day, written offline");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();

        assertThat(page.locator(".form-problem")).containsText("can only be saved while you are online");
        assertThat(waiting()).isEmpty();
        page.waitForFunction("() => Object.keys(localStorage).some(k => k.startsWith('mhc.journal-draft.') && k.endsWith('" + id + "'))");
    }

    private void saveAnEntry() {
        page.getByLabel("Your words").fill(WORDS);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
    }

    @SuppressWarnings("unchecked")
    private List<String> waiting() {
        return (List<String>) page.evaluate(WAITING_KEYS);
    }

    private int attemptsOfTheWaitingEntry() {
        Object attempts = page.evaluate("keys => { const k = keys[0]; return k ? JSON.parse(localStorage.getItem(k)).attempts : -1; }",
                waiting());
        return ((Number) attempts).intValue();
    }

    /** The person's entries with {@link #WORDS}, as the journal's API gives them. */
    private List<JsonNode> entriesWithTheWords() throws Exception {
        var answer = People.get(WebBrowser.gateway() + "/api/journal/entries?size=100", person);
        assertThat(answer.statusCode()).isEqualTo(200);
        return People.JSON.readTree(answer.body()).get("items").valueStream()
                .filter(entry -> WORDS.equals(entry.get("body").asString()))
                .toList();
    }
}
