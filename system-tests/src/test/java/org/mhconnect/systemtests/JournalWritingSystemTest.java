package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writing comes first: in a real browser, the journal form opens with the words, a mood and feelings are optional
 * and come after them, and what someone writes is kept as a draft on this device until the entry is saved, and
 * never after signing out.
 */
@BrowserTest
class JournalWritingSystemTest {

    /** Calm words, so that saving them brings no support panel: this test is about the draft. */
    static final String DRAFT_WORDS = "The tea was warm and the afternoon was slow, in a good way";

    /** Every journal draft this browser keeps, whoever wrote it. */
    static final String DRAFT_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('mhc.journal-draft.'))";

    static String email;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void someoneWhoWrites() throws Exception {
        email = WebBrowser.newEmail("wren");
        WebBrowser.signUp(email, "Wren");
    }

    @BeforeEach
    void aFreshVisit() {
        context = WebBrowser.newContext();
        WebBrowser.signInQuietly(context, email);
        page = context.newPage();
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    void theWordsComeBeforeTheMoodAndTheFeelingsAndAnEntryNeedsNoMood() {
        WebBrowser.open(page, "journal/new");
        Locator words = page.getByLabel("Your words");
        Locator mood = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("How is your mood? (optional)"));
        Locator feelings = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Which feelings are here? (optional, up to ten)"));
        assertThat(precedes(words, mood)).as("the words before the mood").isTrue();
        assertThat(precedes(mood, feelings)).as("the mood before the feelings").isTrue();

        words.fill("Only words today, and that is enough.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();

        page.waitForURL("**/#/journal/*-*");
        assertThat(page.locator(".entry-body")).hasText("Only words today, and that is enough.");
        assertThat(page.locator("#page")).not().containsText("Mood:");
        assertThat(page.locator("#page")).not().containsText("null");
    }

    @Test
    void aMoodChosenByMistakeCanBeLeftOutAgain() {
        WebBrowser.open(page, "journal/new");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Low").setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave the mood out")).click();

        assertThat(page.locator("input[name=mood]:checked")).hasCount(0);
    }

    @Test
    void aDraftComesBackWhenTheFormReopensAndIsForgottenOnceSaved() {
        WebBrowser.open(page, "journal/new");
        page.getByLabel("Title (optional)").fill("Unfinished");
        page.getByLabel("Your words").pressSequentially(DRAFT_WORDS);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Okay").setExact(true)).check();
        page.waitForFunction(DRAFT_KEYS + ".length === 1");

        // The tab is closed while writing; later, the form opens again on this device.
        page.close();
        page = context.newPage();
        WebBrowser.open(page, "journal/new");
        assertThat(page.getByLabel("Your words")).hasValue(DRAFT_WORDS);
        assertThat(page.getByLabel("Title (optional)")).hasValue("Unfinished");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Okay").setExact(true))).isChecked();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Your draft")))
                .containsText("Your draft from this device is back");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save entry")).click();
        page.waitForURL("**/#/journal/*-*");
        assertThat(page.locator(".entry-body")).hasText(DRAFT_WORDS);
        assertThat(drafts()).as("drafts after saving").isEmpty();

        WebBrowser.open(page, "journal/new");
        assertThat(page.getByLabel("Your words")).hasValue("");
    }

    @Test
    void signingOutForgetsEveryDraftOnThisDevice() {
        WebBrowser.open(page, "journal/new");
        page.getByLabel("Your words").pressSequentially(DRAFT_WORDS);
        page.waitForFunction(DRAFT_KEYS + ".length === 1");

        page.locator("#main-nav").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/#/");

        assertThat(drafts()).as("drafts after signing out").isEmpty();
        assertThat((String) page.evaluate("() => JSON.stringify(localStorage)")).doesNotContain("afternoon");
    }

    @SuppressWarnings("unchecked")
    private List<String> drafts() {
        return (List<String>) page.evaluate(DRAFT_KEYS);
    }

    /** Whether {@code first} comes before {@code second} in the page, as a screen reader and the Tab key meet them. */
    private static boolean precedes(Locator first, Locator second) {
        return (Boolean) first.evaluate("(a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
                second.elementHandle());
    }
}
