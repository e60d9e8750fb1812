package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Numbers that mean what they say, in a real browser: showing up is the days written out of the days in the
 * period; two check-ins minutes apart are not a trend; every part of a check-in reads "higher is kinder"; and
 * the part that asked the most leads to a matching practice from the library.
 */
@BrowserTest
class HonestNumbersSystemTest {

    BrowserContext context;
    Page page;
    People.Person person;

    @BeforeEach
    void someoneNewSignedIn() throws Exception {
        String email = WebBrowser.newEmail("robin");
        person = WebBrowser.signUp(email, "Robin");
        context = WebBrowser.newContext();
        WebBrowser.signInQuietly(context, email);
        page = context.newPage();
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    void writingOnOneDayOfThirtyIsOneOfThirtyDays() throws Exception {
        var saved = People.post(WebBrowser.gateway() + "/api/journal/entries", person,
                "{\"body\":\"One day of words.\",\"mood\":3,\"timeZone\":\"" + WebBrowser.ZONE + "\"}");
        assertThat(saved.statusCode()).isEqualTo(201);

        WebBrowser.open(page, "insights");
        assertThat(page.locator("[data-testid=days-written]")).hasText("1 entry on 1 of 30 days.");
        assertThat(page.locator("#page")).not().containsText("out of 100");

        WebBrowser.open(page, "today");
        assertThat(page.locator("#page")).containsText("You wrote on 1 of 30 days.");
        assertThat(page.locator("#page")).not().containsText("out of 100");
    }

    @Test
    void aCheckInReadsHigherIsKinderLeadsToAPracticeAndMakesNoTrendOfMinutes() throws Exception {
        // A first check-in, moments before this one: too close to call anything a change.
        var first = People.post(WebBrowser.gateway() + "/api/journal/checkins", person,
                "{\"answers\":[1,1,1,1,1,1,1,1,1,1,1,1]}");
        assertThat(first.statusCode()).isEqualTo(201);

        WebBrowser.open(page, "check-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Begin the check-in")).click();
        for (int statement = 1; statement <= 12; statement++) {
            assertThat(page.locator("#page h1")).hasText("Statement " + statement + " of 12");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Almost always").setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName(statement < 12 ? "Next statement" : "See my reflection")).click();
        }
        assertThat(page.locator("#page h1")).hasText("Your reflection");

        // One direction for every part: the harsh parts are turned round and named for their opposite.
        Locator parts = page.locator("[data-testid=checkin-parts]");
        assertThat(parts.locator("caption")).hasText("Each part from 1 to 5: higher is kinder to yourself");
        assertThat(row(parts, "Self-kindness")).hasText("5.0");
        assertThat(row(parts, "Going easy on yourself (less self-judgment)")).hasText("1.0");
        assertThat(row(parts, "Feeling connected (less isolation)")).hasText("1.0");
        assertThat(page.locator("#page")).not().containsText("lower is gentler");

        // The part that asked the most leads to a practice for answering the inner critic.
        Locator practice = page.locator("[data-testid=checkin-practice]");
        assertThat(practice).containsText("The part that asked the most of you this time: Going easy on yourself");
        Locator tryIt = practice.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Try “")));
        assertThat(tryIt).isVisible();
        String slug = tryIt.getAttribute("href").replace("#/library/", "");
        assertThat(slug).isIn("reframing-the-inner-critic", "a-self-compassion-break", "an-evening-self-compassion-journal");

        Locator history = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Your past check-ins"));
        assertThat(history).containsText("There is not enough time between your check-ins yet to see a change.");
        assertThat(history).not().containsText("has grown");

        tryIt.click();
        page.waitForURL("**/#/library/" + slug);
        WebBrowser.settle(page);
    }

    private static Locator row(Locator table, String part) {
        return table.locator("tr").filter(new Locator.FilterOptions().setHas(
                table.page().getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(part).setExact(true))))
                .locator("td");
    }
}
