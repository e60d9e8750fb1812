package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guided practice in a real browser. "A three-minute breathing space" has three steps of a minute each; the
 * page's clock is Playwright's, so a minute passes in a moment. Chimes and vibrations are counted by wrapping the
 * Web Audio API's oscillator and {@code navigator.vibrate} before the app starts.
 */
@BrowserTest
class PracticePlayerSystemTest {

    static final String PRACTICE = "a-breathing-space";
    static final String FIRST_STEP = "Arrive. Sit or stand comfortably.";
    static final String SECOND_STEP = "Gather. Bring your attention to the breath moving in and out.";
    static final String THIRD_STEP = "Widen. Let your attention spread to your whole body";
    static final long ONE_MINUTE = 60_000;

    /** Each chime is two tones; each vibration is its pattern. */
    static final String COUNT_CUES = """
            window.__cues = { tones: 0, vibrations: 0 };
            const createOscillator = AudioContext.prototype.createOscillator;
            AudioContext.prototype.createOscillator = function () { window.__cues.tones += 1; return createOscillator.call(this); };
            Object.defineProperty(Navigator.prototype, 'vibrate', { configurable: true,
              value() { window.__cues.vibrations += 1; return true; } });
            """;

    BrowserContext context;
    Page page;
    People.Person person;

    @AfterEach
    void closeTheBrowserContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aPracticeWithAutoAdvanceChimesMovesOnByItselfIsRecordedAndShowsBesideMoodInInsights() throws Exception {
        signedIn(WebBrowser.desktop());
        // Five earlier days with a mood: a practice on two of them (mood 4), none on three (mood 2). Today, mood 4.
        LocalDate today = LocalDate.now(ZoneId.of(WebBrowser.ZONE));
        for (int daysAgo = 1; daysAgo <= 5; daysAgo++) {
            LocalDate day = today.minusDays(daysAgo);
            write(day.atTime(20, 0).toString(), daysAgo <= 2 ? 4 : 2);
            if (daysAgo <= 2) {
                var recorded = People.post(WebBrowser.gateway() + "/api/journal/practices/completions", person, """
                        {"slug":"%s","title":"A three-minute breathing space","completedAt":"%s","timeZone":"%s"}"""
                        .formatted(PRACTICE, day.atTime(LocalTime.NOON).atZone(ZoneId.of(WebBrowser.ZONE)).toInstant(),
                                WebBrowser.ZONE));
                assertThat(recorded.statusCode()).isEqualTo(201);
            }
        }
        write(null, 4);

        WebBrowser.open(page, "library/" + PRACTICE);
        Locator player = page.getByTestId("practice-player");
        // The steps are on the page once: written out in the reading, not listed again by the player.
        assertThat(shown(FIRST_STEP)).hasCount(1);
        player.getByLabel("Move on by itself when a step’s time is up").check();
        assertThat(player.getByLabel("A soft chime and a short vibration when a step ends")).isChecked();

        player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the practice")).click();
        assertThat(player.getByTestId("step-heading")).hasText("Step 1 of 3");
        assertThat(page.locator("#announcer")).containsText("Step 1 of 3. " + FIRST_STEP);
        // While it plays, the written steps fold away: the current step is the only copy on screen.
        assertThat(page.getByTestId("item-body")).isHidden();
        assertThat(shown(FIRST_STEP)).hasCount(1);

        page.clock().runFor(ONE_MINUTE);
        assertThat(player.getByTestId("step-heading")).hasText("Step 2 of 3");
        assertThat(player.getByTestId("step-text")).containsText(SECOND_STEP);
        assertThat(page.locator("#announcer")).containsText("Step 2 of 3. " + SECOND_STEP);
        assertThat(cues("tones")).as("a chime of two tones").isEqualTo(2);
        assertThat(cues("vibrations")).isEqualTo(1);

        page.clock().runFor(ONE_MINUTE);
        assertThat(player.getByTestId("step-text")).containsText(THIRD_STEP);
        page.clock().runFor(ONE_MINUTE);
        assertThat(player.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions()
                .setName("Well done for giving yourself this time"))).isVisible();
        assertThat(player.getByTestId("practice-recorded")).containsText("Noted in your journal.");
        assertThat(cues("tones")).isEqualTo(6);
        assertThat(page.getByTestId("item-body")).isVisible();

        var completions = People.JSON.readTree(
                People.get(WebBrowser.gateway() + "/api/journal/practices/completions", person).body()).get("items");
        assertThat(completions.size()).isEqualTo(3);
        assertThat(completions.get(0).get("slug").asString()).isEqualTo(PRACTICE);
        assertThat(completions.get(0).get("localDate").asString()).isEqualTo(today.toString());

        player.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See practice days beside your moods in Insights")).click();
        page.waitForURL("**/#/insights");
        WebBrowser.settle(page);
        Locator practiceAndMood = page.getByTestId("practice-mood");
        assertThat(practiceAndMood).containsText("You practised on 3 days of this period (3 practices finished in the player).");
        assertThat(practiceAndMood).containsText("Average mood on days with a practice: 4.0 (3 days). On days without: 2.0 (3 days).");
        assertThat(practiceAndMood).containsText("This shows what went together, not what caused what.");
    }

    @Test
    void underReducedMotionThereIsNoVibrationAndWithSoundOffNoCueAtAllRememberedOnTheDevice() throws Exception {
        signedIn(WebBrowser.desktop().setReducedMotion(ReducedMotion.REDUCE));
        WebBrowser.open(page, "library/" + PRACTICE);
        Locator player = page.getByTestId("practice-player");
        player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start the practice")).click();

        // Without moving on by itself, the person starts each timer, and the step waits when the time is up.
        player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start timer")).click();
        page.clock().runFor(ONE_MINUTE);
        assertThat(page.locator("#announcer")).hasText("Time is up for this step. Move on when you are ready.");
        assertThat(player.getByTestId("step-heading")).hasText("Step 1 of 3");
        assertThat(cues("tones")).as("the chime still sounds").isEqualTo(2);
        assertThat(cues("vibrations")).as("no vibration under reduced motion").isZero();

        player.getByLabel("A soft chime and a short vibration when a step ends").uncheck();
        player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next step")).click();
        player.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start timer")).click();
        page.clock().runFor(ONE_MINUTE);
        assertThat(page.locator("#announcer")).hasText("Time is up for this step. Move on when you are ready.");
        assertThat(cues("tones")).as("no new chime with sound off").isEqualTo(2);

        WebBrowser.open(page, "library/" + PRACTICE);
        assertThat(page.getByTestId("practice-player").getByLabel("A soft chime and a short vibration when a step ends"))
                .not().isChecked();
    }

    private void signedIn(Browser.NewContextOptions options) throws Exception {
        String email = WebBrowser.newEmail("sam");
        person = WebBrowser.signUp(email, "Sam");
        context = WebBrowser.newContext(options);
        WebBrowser.signInQuietly(context, email);
        context.addInitScript(COUNT_CUES);
        page = context.newPage();
        page.clock().install();
    }

    private void write(String localDateTime, int mood) throws Exception {
        String at = localDateTime == null ? "" : ",\"localDateTime\":\"" + localDateTime + "\"";
        var saved = People.post(WebBrowser.gateway() + "/api/journal/entries", person,
                "{\"body\":\"A few words.\",\"mood\":" + mood + ",\"timeZone\":\"" + WebBrowser.ZONE + "\"" + at + "}");
        assertThat(saved.statusCode()).isEqualTo(201);
    }

    /** The page's visible elements that hold these words (the live region, outside the page, is left out). */
    private Locator shown(String words) {
        return page.locator("#page").getByText(words).filter(new Locator.FilterOptions().setVisible(true));
    }

    private int cues(String kind) {
        return ((Number) page.evaluate("kind => window.__cues[kind]", kind)).intValue();
    }
}
