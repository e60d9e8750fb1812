package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A skipped reminder says so where it was promised. After a few words in the journal, a journaling reminder for the
 * next minute says "Skipped today — you already wrote" in the form's preview, in the list and on Today, and once its
 * time has come the inbox keeps it, read, with that reason. Most of its minute is spent waiting for the clock, so it
 * runs beside the other system tests, in a browser of its own.
 */
@BrowserTest
@Execution(ExecutionMode.CONCURRENT)
class SkippedReminderSystemTest {

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
    void aJournalingReminderOnADayAlreadyWrittenSaysItIsSkippedWhereverItWasPromised() throws Exception {
        signIn();
        ZoneId zone = ZoneId.of(WebBrowser.ZONE);
        WebBrowser.open(page, "journal/new");
        page.getByLabel("Your words").fill("A quiet cup of tea before bed.");
        button("Save entry").click();
        page.waitForURL("**/#/journal/*-*");
        // reminder-service learns of the day from the journal's event on Kafka.
        String today = LocalDate.now(zone).toString();
        // (Polled here, in the test's own thread: Playwright is not thread-safe, and evaluate awaits the fetch.)
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(250)).until(() -> (Boolean) page.evaluate(
                "async day => (await (await fetch(`/api/reminders/journaled-days?from=${day}&to=${day}`)).json()).length > 0", today));

        // Today's time is still to come: the next whole minute, or the one after when this one is too close to make.
        LocalTime now = LocalTime.now(zone);
        LocalTime due = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(now.getSecond() < 40 ? 1 : 2);
        String title = "A few words tonight " + due;
        String skipped = "Skipped today — you already wrote";
        WebBrowser.open(page, "reminders/new");
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Journaling"))).isChecked();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        page.getByLabel("Time 1", new Page.GetByLabelOptions().setExact(true)).fill(due.toString());

        // The preview: today's time says it will be skipped and why; tomorrow's comes as usual.
        Locator preview = page.locator("[data-testid=reminder-preview] li");
        assertThat(preview.first().locator("[data-testid=skip-note]")).hasText(skipped);
        assertThat(preview.nth(1)).not().containsText("Skipped");
        // Another kind of reminder at the same time is not done by writing.
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Something of my own")).check();
        assertThat(page.locator("[data-testid=reminder-preview] [data-testid=skip-note]")).hasCount(0);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Journaling")).check();
        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
        assertThat(preview.first().locator("[data-testid=skip-note]")).hasText(skipped);
        button("Add reminder").click();

        // The list: the next one is today's, skipped, and the one after it is named.
        page.waitForURL("**/#/reminders");
        Locator row = page.locator("[data-testid=reminder-list] > li").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row.locator("[data-testid=skip-note]")).containsText(skipped + ". After that: ");

        // Today: the skipped one is named as such, not promised.
        WebBrowser.open(page, "today");
        Locator coming = page.locator("section[aria-labelledby=coming-title]");
        assertThat(coming.locator("[data-testid=skip-note]").filter(new Locator.FilterOptions().setHasText(title)))
                .containsText(skipped + ": “" + title + "”");
        String todayName = LocalDate.now(zone).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        assertThat(coming).not().containsText("“" + title + "”, arrives " + todayName);

        // The inbox, once its time has come: kept in the history with its reason, and nothing new to read.
        long wait = Duration.between(LocalTime.now(zone), due).plusSeconds(60).toMillis();
        await().atMost(Duration.ofMillis(Math.max(wait, 60_000))).pollInSameThread().pollInterval(Duration.ofSeconds(1)).until(() -> (Boolean) page.evaluate(
                "async title => (await (await fetch('/api/notifications/inbox')).json()).items.some(i => i.title === title && i.skipped)", title));
        WebBrowser.open(page, "inbox");
        Locator item = page.locator("[data-testid=inbox-list] > li").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(item.locator("[data-testid=skip-note]")).hasText(skipped + ".");
        assertThat(item).not().hasClass(Pattern.compile("unread"));
        assertThat(item.getByRole(AriaRole.BUTTON)).hasCount(0);
    }

    private void signIn() throws Exception {
        String email = WebBrowser.newEmail("noa");
        WebBrowser.signUp(email, "Noa");
        WebBrowser.signInWithTheForm(page, email);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
