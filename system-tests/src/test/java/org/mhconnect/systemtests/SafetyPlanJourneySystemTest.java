package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * After a crisis entry, support stays: in a real browser, the panel offers to make a safety plan; the person makes
 * one, with the helplines of their country suggested; the next crisis entry shows their own plan first; "every
 * support option" opens inside the panel without moving the page behind it; no cheerful toast follows; and Today
 * keeps a calm "Support is here" card. One person walks through it, each step in a fresh browser visit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@BrowserTest
class SafetyPlanJourneySystemTest {

    static final String CRISIS_WORDS = "Nothing helps any more. I want to die.";
    static final String WARNING_SIGN = "Staying in bed all day";
    static final String COPING = "A slow walk to the canal";
    static final String FRIEND = "Mia";
    static final String FRIENDS_PHONE = "+49 30 1234567";

    static String email;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void someoneWithoutAPlan() throws Exception {
        email = WebBrowser.newEmail("noor");
        WebBrowser.signUp(email, "Noor");
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
    @Order(1)
    void aCrisisEntryWithoutAPlanOffersToMakeOneAndThePersonMakesIt() {
        Locator panel = writeACrisisEntry();
        Locator offer = panel.locator("[data-testid=panel-safety-plan-offer]");
        assertThat(offer).containsText("A plan for hard moments");
        assertThat(panel.locator("[data-testid=panel-safety-plan]")).hasCount(0);

        WebBrowser.markShown(page);
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make a safety plan")).click();
        page.waitForURL("**/#/safety-plan");
        WebBrowser.settle(page);
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        assertThat(page.locator("#toast .toast-item")).hasCount(0);
        assertThat(page.locator("#page h1")).hasText("My safety plan");

        // The helplines of the person's country are there already, as suggestions to keep or remove.
        Locator professionals = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Professionals and helplines"));
        assertThat(professionals).containsText("Suggested from the support list");
        assertThat(professionals.getByLabel("Name (professional or helpline 1)")).not().hasValue("");
        assertThat(AccessibilitySystemTest.violations(page, "safety plan form")).isEmpty();

        page.getByLabel("Warning sign 1", new Page.GetByLabelOptions().setExact(true)).fill(WARNING_SIGN);
        page.getByLabel("Something I can do 1", new Page.GetByLabelOptions().setExact(true)).fill(COPING);
        page.getByLabel("Name (person 1)").fill(FRIEND);
        page.getByLabel("Phone, or how to reach them (person 1)").fill(FRIENDS_PHONE);
        button("Save my plan").click();

        assertThat(page.locator("#page").getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Your safety plan is saved"))).isVisible();
        Locator plan = page.locator("[data-testid=safety-plan]");
        assertThat(plan).containsText(WARNING_SIGN);
        assertThat(plan).containsText(COPING);
        assertThat(plan.locator("a[href^='tel:+4930']")).hasText(FRIENDS_PHONE);
    }

    @Test
    @Order(2)
    void theNextCrisisEntryShowsThePlanFirstAndEveryOptionOpensInsideThePanel() {
        Locator panel = writeACrisisEntry();
        Locator ownPlan = panel.locator("[data-testid=panel-safety-plan]");
        assertThat(ownPlan).containsText("Your safety plan");
        assertThat(ownPlan).containsText(COPING);
        assertThat(ownPlan.locator("a[href='tel:+49301234567']")).hasText(FRIENDS_PHONE);
        assertThat(panel.locator("[data-testid=panel-safety-plan-offer]")).hasCount(0);
        // The person's own plan comes before the lines of strangers.
        assertThat((Boolean) panel.evaluate("""
                d => {
                  const plan = d.querySelector('[data-testid=panel-safety-plan]');
                  const line = d.querySelector('.resource');
                  return !line || Boolean(plan.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING);
                }""")).isTrue();

        String behind = page.url();
        Locator every = panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("See every support option"));
        every.click();
        Locator options = panel.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Every support option"));
        assertThat(options).isFocused();
        assertThat(panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide the other support options")))
                .hasAttribute("aria-expanded", "true");
        assertThat(page).hasURL(behind);
        assertThat(panel).isVisible();
        assertThat((Boolean) panel.evaluate("d => d.open && d.matches(':modal')")).isTrue();
        assertThat(page.locator("#page h1")).hasText("Write in your journal");
        assertThat(AccessibilitySystemTest.violations(page, "crisis panel with a safety plan")).isEmpty();

        button("Close and return to my journal").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
        page.waitForURL("**/#/journal/*-*");
        assertThat(page.locator(".entry-body")).containsText("I want to die.");
        assertThat(page.locator("#toast .toast-item")).hasCount(0);
    }

    @Test
    @Order(3)
    void afterThePanelClosedTodayKeepsACalmSupportCard() {
        // The card is remembered on the device where the panel was shown.
        Locator panel = writeACrisisEntry();
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close and return to my journal")).click();
        page.waitForURL("**/#/journal/*-*");

        WebBrowser.open(page, "today");
        Locator card = page.locator("[data-testid=support-is-here]");
        assertThat(card).isVisible();
        assertThat(card.getByRole(AriaRole.HEADING)).hasText("Support is here");
        assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Look at your safety plan"))).isVisible();
        assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People you can talk to, any time")))
                .hasAttribute("href", "#/support");

        // It stays for a day, not for ever.
        String shown = (String) page.evaluate("() => localStorage.getItem('mhc-support-shown')");
        page.evaluate("""
                () => {
                  const shown = JSON.parse(localStorage.getItem('mhc-support-shown'));
                  shown.at -= 25 * 60 * 60 * 1000;
                  localStorage.setItem('mhc-support-shown', JSON.stringify(shown));
                }""");
        WebBrowser.open(page, "today");
        assertThat(page.locator("[data-testid=support-is-here]")).hasCount(0);

        // Signing out forgets it, so the next person on this device never sees it.
        page.evaluate("shown => localStorage.setItem('mhc-support-shown', shown)", shown);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/#/");
        assertThat((Object) page.evaluate("() => localStorage.getItem('mhc-support-shown')")).isNull();
    }

    /** Writes an entry whose words signal a crisis and returns the support panel that follows the save. */
    private Locator writeACrisisEntry() {
        WebBrowser.open(page, "journal/new");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Very low").setExact(true)).check();
        page.getByLabel("Your words").fill(CRISIS_WORDS);
        button("Save entry").click();
        Locator panel = page.getByRole(AriaRole.DIALOG);
        assertThat(panel).isVisible();
        assertThat(panel).containsText("You are not alone");
        return panel;
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
