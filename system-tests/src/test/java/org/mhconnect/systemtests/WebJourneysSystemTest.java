package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A person's journeys through the web app in a real browser, against the running system: signing up, writing in
 * the journal and seeing it in the insights, reacting to an article, taking the journal home, meeting the support panel, and leaving for good. One person walks through all of them, each
 * journey in a fresh browser context (a new visit, signed in with the form); deleting the account comes last. A
 * second person, Kim, confirms a new address and replaces a forgotten password, both by links from the mail catcher.
 * A reminder arriving live in the inbox is {@link LiveInboxSystemTest}, which waits for the clock beside the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@BrowserTest
class WebJourneysSystemTest {

    static final String ENTRY_TITLE = "A walk by the river";
    static final String ENTRY_TEXT = "The light on the water was lovely. I breathed a little slower.";

    /** The person of these journeys: signed up by the first one, or made on demand when it is run alone. */
    static String email;

    BrowserContext context;
    Page page;

    @BeforeEach
    void aFreshVisitFromBerlin() {
        context = WebBrowser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    @Order(1)
    void signingUpDetectsTheTimeZone() {
        String address = WebBrowser.newEmail("ada");
        page.navigate(WebBrowser.url("sign-up"));
        WebBrowser.settle(page);

        assertThat(page.getByLabel("Your time zone")).hasValue(WebBrowser.ZONE);
        // A zone can be searched for (a combobox over one list), by current names only, the browser's own first.
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Your time zone"))).isVisible();
        @SuppressWarnings("unchecked")
        List<String> zones = (List<String>) page.evaluate("() => [...document.querySelectorAll('#time-zones option')].map(o => o.value)");
        assertThat(zones.getFirst()).isEqualTo(WebBrowser.ZONE);
        assertThat(zones).contains("Europe/Kyiv", "Asia/Kolkata").doesNotContain("Europe/Kiev", "Asia/Calcutta")
                .doesNotHaveDuplicates();
        // Exactly the names the services keep as they are (GET /api/time-zones), none they would store under another.
        Map<?, ?> choices = (Map<?, ?>) page.evaluate("async () => (await fetch('/api/time-zones')).json()");
        page.waitForFunction("n => document.querySelectorAll('#time-zones option').length === n",
                ((List<?>) choices.get("zones")).size());
        @SuppressWarnings("unchecked")
        List<String> offered = (List<String>) page.evaluate("() => [...document.querySelectorAll('#time-zones option')].map(o => o.value)");
        assertThat(offered.getFirst()).isEqualTo(WebBrowser.ZONE);
        assertThat(offered).containsExactlyInAnyOrderElementsOf((List<String>) choices.get("zones"))
                .doesNotContain("Europe/Bratislava", "Pacific/Truk", "America/Buenos_Aires")
                .noneMatch(((Map<String, ?>) choices.get("legacyNames"))::containsKey);
        page.getByLabel("What should we call you?").fill("Ada");
        page.getByLabel("E-mail address").fill(address);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(People.PASSWORD);
        button("Create my account").click();

        page.waitForURL("**/#/onboarding");
        assertThat(heading()).hasText("Welcome, Ada");
        page.getByText("No reminders for now").click();
        button("Continue").click();
        page.waitForURL("**/#/today");
        assertThat(heading()).containsText("Ada");
        Map<?, ?> me = (Map<?, ?>) page.evaluate("async () => (await fetch('/api/me')).json()");
        assertThat(me.get("timeZone")).isEqualTo(WebBrowser.ZONE);
        assertThat(me.get("locale")).isEqualTo(WebBrowser.LOCALE);
        email = address;
    }

    @Test
    @Order(2)
    void anEntryAppearsInTheJournalAndInTheInsights() throws Exception {
        signIn();
        List<?> vocabulary = (List<?>) page.evaluate("async () => (await fetch('/api/journal/emotions')).json()");
        String calm = (String) ((Map<?, ?>) vocabulary.get(0)).get("label");
        String grateful = (String) ((Map<?, ?>) vocabulary.get(1)).get("label");

        WebBrowser.open(page, "journal/new");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Good").setExact(true)).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(calm).setExact(true)).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(grateful).setExact(true)).check();
        page.getByLabel("Title (optional)").fill(ENTRY_TITLE);
        page.getByLabel("Your words").fill(ENTRY_TEXT);
        button("Save entry").click();

        page.waitForURL("**/#/journal/*-*");
        assertThat(heading()).hasText(ENTRY_TITLE);
        assertThat(page.locator(".entry-body")).hasText(ENTRY_TEXT);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal").setExact(true)).click();
        Locator list = page.locator("[data-testid=journal-list]");
        assertThat(list.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ENTRY_TITLE))).isVisible();
        assertThat(list).containsText("Mood: Good");
        assertThat(list).containsText(calm);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Insights").setExact(true)).click();
        assertThat(page.getByText("1 entry on 1 of")).isVisible();
        assertThat(page.locator("figure").first()).isVisible();
        Locator feelings = page.locator("section[aria-labelledby=emotions-title]");
        assertThat(feelings).containsText(calm);
        assertThat(feelings).containsText(grateful);
    }

    @Test
    @Order(3)
    void everyConfirmationDialogSaysWhatItAsksAndNeverNull() throws Exception {
        signIn();
        // Leaving a page with unsaved words.
        WebBrowser.open(page, "journal/new");
        page.getByLabel("Your words").fill("Half a thought");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal").setExact(true)).click();
        assertDialog("Leave without saving?", "What you wrote here has not been saved yet.");
        button("Stay and keep writing").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(page.getByLabel("Your words")).hasValue("Half a thought");

        // Deleting an entry.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal").setExact(true)).click();
        button("Leave this page").click();
        page.locator("[data-testid=journal-list]").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(ENTRY_TITLE)).click();
        button("Delete entry").click();
        assertDialog("Delete this entry?", "It will be gone for good, and it cannot be brought back.");
        button("Keep it").click();
        assertThat(heading()).hasText(ENTRY_TITLE);

        // Deleting the account: described by its paragraphs, not by its checkbox.
        WebBrowser.open(page, "account");
        button("Delete my account…").click();
        assertDialog("Delete your account for good?", "This erases your journal, check-ins, reminders, reactions and "
                + "saved readings, everywhere. It cannot be undone. If you would like a copy, download your journal first.");
        button("Keep my account").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
    }

    private void assertDialog(String name, String description) {
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog).hasAccessibleName(name);
        assertThat(dialog).hasAccessibleDescription(description);
        assertThat(dialog).not().containsText("null");
        assertThat(dialog).not().containsText("undefined");
    }

    @Test
    @Order(4)
    void aSearchForgivesMisspellingsKnowsKindredWordsAndTheWayBackKeepsIt() throws Exception {
        signIn();
        WebBrowser.open(page, "library");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Saved for later"))).hasCount(1);

        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the library")).fill("mindfullness");
        button("Show results").click();
        Locator didYouMean = page.locator("[data-testid=did-you-mean]");
        assertThat(didYouMean).hasText("Did you mean mindfulness?");
        // What was saved shows once, on the library's own page, not under the results.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Saved for later"))).hasCount(0);
        didYouMean.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("mindfulness")).click();
        page.waitForURL("**/#/library?q=mindfulness");
        assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the library")))
                .hasValue("mindfulness");

        Locator first = page.locator(".cards .card h3 a").first();
        String title = first.textContent();
        first.click();
        assertThat(heading()).hasText(title);
        Locator back = page.locator("[data-testid=back-to-library]");
        assertThat(back).hasText("← Back to your search");
        back.click();
        page.waitForURL("**/#/library?q=mindfulness");
        assertThat(heading()).hasText("Library");
        assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the library")))
                .hasValue("mindfulness");
        assertThat(page.locator(".cards .card h3 a").first()).hasText(title);

        // The browser's own Back returns to the search as well: its words in the box and its results.
        page.locator(".cards .card h3 a").first().click();
        assertThat(heading()).hasText(title);
        page.goBack();
        page.waitForURL("**/#/library?q=mindfulness");
        assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the library")))
                .hasValue("mindfulness");
        assertThat(page.locator(".cards .card h3 a").first()).hasText(title);

        for (String kindred : List.of("anxious", "anxiety", "compassionate")) {
            WebBrowser.open(page, "library?q=" + kindred);
            assertThat(page.locator(".cards .card").first()).isVisible();
        }
        // A misspelt word the library never uses is still understood, and the link says which word was meant.
        WebBrowser.open(page, "library?q=anxiuos");
        assertThat(page.locator("[data-testid=did-you-mean]")).hasText("Did you mean anxious?");
        assertThat(page.locator(".cards .card").first()).isVisible();
    }

    @Test
    @Order(5)
    void wordsOfCrisisBringASupportPanelThatAStrayClickDoesNotClose() throws Exception {
        signIn();
        WebBrowser.open(page, "journal/new");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Very low").setExact(true)).check();
        page.getByLabel("Your words").fill("Nothing helps any more. I want to die.");
        button("Save entry").click();

        Locator panel = page.getByRole(AriaRole.DIALOG);
        assertThat(panel).isVisible();
        assertThat(panel.getByRole(AriaRole.HEADING).first()).isFocused();
        assertThat(panel).containsText("You are not alone");
        assertThat(panel.locator(".emergency")).containsText("emergency number");
        assertThat(panel.locator(".resource").first()).isVisible();
        assertThat(panel.locator("a[href^='tel:']").first()).isVisible();
        assertThat((Boolean) panel.evaluate("d => d.matches(':modal')")).isTrue();

        // A click on the backdrop, and Escape, leave it open.
        var box = panel.boundingBox();
        page.mouse().click(Math.max(2, box.x / 2), Math.max(2, box.y / 2));
        page.keyboard().press("Escape");
        page.waitForTimeout(300);
        assertThat(panel).isVisible();
        assertThat((Boolean) panel.evaluate("d => d.open && d.matches(':modal')")).isTrue();

        // Only its own button closes it; the entry was saved all along.
        button("Close and return to my journal").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        page.waitForURL("**/#/journal/*-*");
        assertThat(page.locator(".entry-body")).containsText("I want to die.");
    }

    @Test
    @Order(6)
    void aReactionToAnArticleChangesItsCount() throws Exception {
        signIn();
        WebBrowser.open(page, "library");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the library")).fill("imperfect");
        button("Show results").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Room to be imperfect").setExact(true)).click();
        assertThat(heading()).hasText("Room to be imperfect");
        Locator calming = page.locator("button[data-reaction=calming]");
        assertThat(calming).isEnabled();
        int before = Integer.parseInt(calming.locator(".pill").textContent().strip());
        assertThat(calming).hasAttribute("aria-pressed", "false");

        calming.click();

        assertThat(calming).hasAttribute("aria-pressed", "true");
        assertThat(calming.locator(".pill")).hasText(String.valueOf(before + 1));
        assertThat(calming).hasAttribute("aria-label", "Calming, %d %s, your reaction"
                .formatted(before + 1, before + 1 == 1 ? "person" : "people"));

        // Pressing it again takes it back.
        calming.click();
        assertThat(calming).hasAttribute("aria-pressed", "false");
        assertThat(calming.locator(".pill")).hasText(String.valueOf(before));
    }

    @Test
    @Order(8)
    void theJournalCanBeTakenHome() throws Exception {
        signIn();
        WebBrowser.open(page, "account");

        Download download = page.waitForDownload(() -> button("Download as JSON").click());

        String exported = Files.readString(download.path());
        assertThat(download.suggestedFilename()).endsWith(".json");
        assertThat(exported).contains(ENTRY_TITLE).contains(ENTRY_TEXT);
    }

    @Test
    @Order(9)
    void aNewAddressIsConfirmedByItsLinkAndAForgottenPasswordIsReplacedByMail() throws Exception {
        String address = WebBrowser.newEmail("kim");
        page.navigate(WebBrowser.url("sign-up"));
        WebBrowser.settle(page);
        page.getByLabel("What should we call you?").fill("Kim");
        page.getByLabel("E-mail address").fill(address);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(People.PASSWORD);
        button("Create my account").click();
        page.waitForURL("**/#/onboarding");
        Locator notice = page.locator("[data-testid=verify-notice]");
        assertThat(notice).containsText("Please confirm your e-mail address");

        page.navigate(linkInMail(address, "Please confirm your e-mail address", "verify-email"));
        assertThat(page.locator("[data-testid=email-confirmed]")).containsText("Your e-mail address is confirmed");
        assertThat(notice).hasCount(0);
        Map<?, ?> me = (Map<?, ?>) page.evaluate("async () => (await fetch('/api/me')).json()");
        assertThat(me.get("emailVerified")).isEqualTo(true);

        Response signedOut = page.waitForResponse(response -> response.url().endsWith("/api/auth/logout"),
                () -> page.locator("#main-nav").getByRole(AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Sign out")).click());
        assertThat(signedOut.status()).as("signing out").isEqualTo(204);
        assertThat(page.locator("#main-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Sign in"))).isVisible();
        WebBrowser.open(page, "sign-in");
        // The sign-in page has an "E-mail address" field too: wait until the next page is drawn before filling in.
        WebBrowser.markShown(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
        page.waitForURL("**/#/forgot-password");
        WebBrowser.settle(page);
        page.getByLabel("E-mail address").fill(address);
        Response requested = page.waitForResponse(response -> response.url().endsWith("/api/auth/password-reset"),
                () -> button("Send me a link").click());
        assertThat(requested.status()).as("asking for a reset link: " + requested.text()).isEqualTo(202);
        assertThat(page.locator("[data-testid=reset-requested]")).containsText("Please look in your inbox");

        String newPassword = "a kite over the autumn field";
        page.navigate(linkInMail(address, "Choose a new password", "reset-password"));
        WebBrowser.settle(page);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
        button("Save my new password").click();
        assertThat(page.locator("[data-testid=password-changed]")).containsText("Your new password is saved");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).last().click();
        page.getByLabel("E-mail address").fill(address);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
        button("Sign in").click();
        page.waitForURL("**/#/today");
        assertThat(heading()).containsText("Kim");
    }

    @Test
    @Order(10)
    void deletingTheAccountShowsProgressUntilEveryServiceHasConfirmed() throws Exception {
        signIn();
        WebBrowser.open(page, "account");

        button("Delete my account…").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        Locator confirm = dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete everything"));
        assertThat(confirm).isDisabled();
        dialog.getByLabel("I understand that this cannot be undone").check();
        confirm.click();

        Locator progress = page.locator("[data-testid=deletion-progress]");
        assertThat(progress).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account is deleted")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(progress.locator("li")).hasCount(3);
        assertThat(progress.locator("li").filter(new Locator.FilterOptions().setHasText("✓ Erased"))).hasCount(3);

        // Signed out: the navigation offers sign-in again, and the gateway no longer knows the session.
        assertThat(page.locator("#main-nav").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertThat(page.evaluate("async () => (await fetch('/api/me')).status")).isEqualTo(401);
        int signIn = People.post(WebBrowser.gateway() + "/api/auth/login", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, People.PASSWORD)).statusCode();
        assertThat(signIn).isEqualTo(401);
        email = null;
    }

    /** The web-app link in the newest mail to this address with this subject, once the mail catcher has it. */
    private String linkInMail(String address, String subject, String route) {
        Pattern link = Pattern.compile("http://\\S+/#/" + route + "\\?token=[A-Za-z0-9_-]+");
        String[] found = new String[1];
        page.waitForCondition(() -> {
            try {
                JsonNode mails = People.JSON.readTree(People.get(RunningSystem.shared().mailViewer() + "/api/messages",
                        null).body());
                mails.valueStream()
                        .filter(mail -> mail.get("subject").asString().equals(subject)
                                && mail.get("to").toString().contains(address))
                        .map(mail -> link.matcher(mail.get("text").asString()))
                        .filter(Matcher::find)
                        .reduce((first, second) -> second)
                        .ifPresent(matcher -> found[0] = matcher.group());
                return found[0] != null;
            }
            catch (Exception ex) {
                return false;
            }
        }, new Page.WaitForConditionOptions().setTimeout(30_000));
        return found[0];
    }

    private void signIn() throws Exception {
        if (email == null) {
            email = WebBrowser.newEmail("ada");
            WebBrowser.signUp(email, "Ada");
        }
        WebBrowser.signInWithTheForm(page, email);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator heading() {
        return page.locator("#page h1");
    }
}
