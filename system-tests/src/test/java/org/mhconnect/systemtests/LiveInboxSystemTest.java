package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A reminder set in the web app for the next minute arrives in the open inbox page as it happens (SSE), without a
 * reload, and its card keeps the rarer actions behind "More". Most of its minute is spent waiting for the clock, so it
 * runs beside the other system tests, in a browser of its own.
 */
@BrowserTest
@Execution(ExecutionMode.CONCURRENT)
class LiveInboxSystemTest {

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
    void aReminderDueWithinAMinuteArrivesLiveInTheInbox() throws Exception {
        signIn();
        WebBrowser.open(page, "reminders/new");
        // The next whole minute in the browser's zone, or the one after when this one is too close to make.
        LocalTime now = LocalTime.now(ZoneId.of(WebBrowser.ZONE));
        LocalTime due = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() < 40 ? 1 : 2);
        String title = "Stretch and breathe " + due;
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Something of my own")).check();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.getByLabel("Time 1", new Page.GetByLabelOptions().setExact(true)).fill(due.toString());
        assertThat(page.getByLabel("Time zone", new Page.GetByLabelOptions().setExact(true))).hasValue(WebBrowser.ZONE);
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("In the app (inbox)"))).isChecked();
        assertThat(page.locator("[data-testid=reminder-preview] li").first()).isVisible();
        button("Add reminder").click();

        page.waitForURL("**/#/reminders");
        assertThat(page.locator("[data-testid=reminder-list]")).containsText(title);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inbox")).click();
        page.waitForURL("**/#/inbox");
        assertThat(page.locator("[data-testid=live-state]")).hasText("New reminders appear here as they arrive.");
        page.evaluate("() => { window.sameVisit = true; }");

        // It arrives within a minute of its time, without a reload.
        long wait = Duration.between(LocalTime.now(ZoneId.of(WebBrowser.ZONE)), due).plusSeconds(60).toMillis();
        assertThat(page.locator("[data-testid=inbox-list]").getByText(title))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(Math.max(wait, 60_000)));
        assertThat(page.evaluate("() => window.sameVisit === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(page.locator("[data-testid=inbox-list] li.unread").first()).containsText(title);

        // A card is not a tower of buttons: the rarer choices wait behind "More".
        Locator card = page.locator("[data-testid=inbox-list] > li").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(card.locator("button:visible")).hasCount(2);
        Locator stop = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Stop this reminder: " + title));
        assertThat(stop).isHidden();
        card.locator("[data-testid=more-actions] > summary").click();
        assertThat(stop).isVisible();
    }

    private void signIn() throws Exception {
        String email = WebBrowser.newEmail("lou");
        WebBrowser.signUp(email, "Lou");
        WebBrowser.signInWithTheForm(page, email);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
