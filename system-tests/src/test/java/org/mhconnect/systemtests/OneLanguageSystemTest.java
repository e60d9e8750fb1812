package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One language on every page: the app is written in English, so dates, country names and the languages of a
 * helpline are English too, even in a browser set to German. A German browser would otherwise say "Englisch",
 * "Vereinigtes Königreich" and "Samstag" in the middle of English sentences.
 */
@BrowserTest
class OneLanguageSystemTest {

    static final String GERMAN = "de-DE";

    BrowserContext context;
    Page page;

    @BeforeEach
    void aVisitFromABrowserSetToGerman() {
        context = WebBrowser.newContext(WebBrowser.desktop().setLocale(GERMAN));
        page = context.newPage();
        assertThat(page.evaluate("() => navigator.language")).isEqualTo(GERMAN);
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    void helplinesNameTheirCountryAndLanguagesInTheAppsLanguage() {
        WebBrowser.open(page, "support?country=GB");

        assertThat(page.locator("#page h2").first()).hasText("Support in United Kingdom");
        Locator samaritans = page.locator(".resource").filter(new Locator.FilterOptions().setHasText("Samaritans"));
        assertThat(samaritans).containsText("Languages: English");
        assertThat(page.locator("#page")).not().containsText("Englisch");
        assertThat(page.locator("select[name=country] option[value=DE]")).hasText("Germany");
        assertThat(page.locator("select[name=country] option[value=AT]")).hasText("Austria");
    }

    @Test
    void anEntrysDateIsWrittenInTheAppsLanguage() throws Exception {
        String email = WebBrowser.newEmail("jonas");
        People.Person jonas = WebBrowser.signUp(email, "Jonas");
        var saved = People.post(WebBrowser.gateway() + "/api/journal/entries", jonas, """
                {"body":"A quiet Saturday.","mood":4,"timeZone":"Europe/Berlin","localDateTime":"2026-03-14T09:30:00"}""");
        assertThat(saved.statusCode()).isEqualTo(201);
        WebBrowser.signInQuietly(context, email);

        WebBrowser.open(page, "journal");
        Locator list = page.locator("[data-testid=journal-list]");
        assertThat(list).containsText("Saturday, March 14, 2026");
        for (String german : List.of("Samstag", "März")) {
            assertThat(list).not().containsText(german);
        }
    }
}
