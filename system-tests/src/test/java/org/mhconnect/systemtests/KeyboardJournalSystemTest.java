package org.mhconnect.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal with the keyboard alone: Tab, Shift+Tab, Enter, Space and the arrow keys, never the mouse. Every
 * stop that Tab reaches shows where the focus is.
 */
@BrowserTest
class KeyboardJournalSystemTest {

    /** Whether the focused element, or the visible part that stands for it, is outlined or ringed. */
    static final String FOCUS_IS_VISIBLE = """
            () => {
              const el = document.activeElement;
              if (!el || el === document.body) return false;
              const marked = (e) => {
                if (!e) return false;
                const s = getComputedStyle(e);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                  || (s.boxShadow && s.boxShadow !== 'none');
              };
              // A radio or checkbox drawn as a chip is invisible itself; its label's text shows the focus.
              return marked(el) || (getComputedStyle(el).opacity === '0' && marked(el.nextElementSibling));
            }""";

    static final String FOCUSED = """
            () => {
              const el = document.activeElement;
              const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
              return `${el.tagName.toLowerCase()}|${el.getAttribute('href') || ''}|${el.getAttribute('name') || ''}|${(label || el.textContent || '').trim()}`;
            }""";

    BrowserContext context;
    Page page;
    String email;
    final List<String> unmarked = new ArrayList<>();

    @BeforeEach
    void aSignedUpPerson() throws Exception {
        email = WebBrowser.newEmail("kai");
        WebBrowser.signUp(email, "Kai");
        context = WebBrowser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeTheBrowserContext() {
        context.close();
    }

    @Test
    void writingReadingAndFindingAnEntryWithTheKeyboardAlone() {
        // Sign in: type, Tab, type, Enter.
        page.navigate(WebBrowser.url("sign-in"));
        WebBrowser.settle(page);
        tabUntil("input[name=email]");
        page.keyboard().type(email);
        tabUntil("input[name=password]");
        page.keyboard().type(People.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL("**/#/today");
        arrived();

        // The first Tab on a freshly loaded page reaches the skip link, which leads into the page.
        page.reload();
        WebBrowser.settle(page);
        press("Tab");
        assertThat(focused()).startsWith("a|#main|").contains("Skip to content");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("() => document.activeElement.closest('#main') !== null")).isEqualTo(true);

        // Back up into the main navigation, to the journal, and on to a new entry.
        tabUntil("nav a[href='#/journal']", "Shift+Tab");
        page.keyboard().press("Enter");
        page.waitForURL("**/#/journal");
        arrived();
        press("Tab");
        assertThat(focused()).as("the next stop after the heading").startsWith("a|#/journal/new|");
        page.keyboard().press("Enter");
        page.waitForURL("**/#/journal/new");
        arrived();

        // The words come first: a title, then the entry itself.
        tabUntil("input[name=title]");
        page.keyboard().type("Typed without a mouse");
        tabUntil("textarea[name=body]");
        page.keyboard().type("Every key pressed on purpose, and that was calming.");

        // The mood: Tab into the group, Space picks the first, arrows move the choice.
        tabUntil("input[name=mood]");
        page.keyboard().press("Space");
        press("ArrowRight");
        press("ArrowRight");
        press("ArrowRight");
        assertThat(page.evaluate("() => document.querySelector('input[name=mood]:checked').value")).isEqualTo("4");

        // Two feelings: Tab to each chip and Space to tick it.
        tabUntil("input[name=emotions]");
        page.keyboard().press("Space");
        String first = label();
        press("Tab");
        page.keyboard().press("Space");
        String second = label();
        assertThat(page.evaluate("() => document.querySelectorAll('input[name=emotions]:checked').length")).isEqualTo(2);

        tabUntil("button[type=submit]");
        assertThat(focused()).endsWith("Save entry");
        page.keyboard().press("Enter");

        // The saved entry opens, its heading focused.
        page.waitForURL("**/#/journal/*-*");
        arrived();
        assertThat(page.locator("#page h1")).hasText("Typed without a mouse");

        // Back to the list (the link just before the heading), where the entry is found and opened again.
        press("Shift+Tab");
        assertThat(focused()).startsWith("a|#/journal|");
        page.keyboard().press("Enter");
        page.waitForURL("**/#/journal");
        arrived();
        tabUntil("[data-testid=journal-list] a");
        assertThat(focused()).endsWith("Typed without a mouse");
        page.keyboard().press("Enter");
        page.waitForURL("**/#/journal/*-*");
        arrived();

        assertThat(page.locator("#page h1")).hasText("Typed without a mouse");
        assertThat(page.locator(".entry-body")).containsText("Every key pressed on purpose");
        assertThat(page.locator("#page")).containsText("Mood: Good");
        assertThat(page.locator("#page")).containsText(first);
        assertThat(page.locator("#page")).containsText(second);
        assertThat(unmarked).as("focus stops without a visible focus indicator").isEmpty();
    }

    /** The new page is shown: the router has moved focus to its heading, and it has loaded what it shows. */
    private void arrived() {
        assertThat(page.locator("#page h1")).isFocused();
        WebBrowser.settle(page);
    }

    /** Presses a key that moves focus, and notes the stop if its focus cannot be seen. */
    private void press(String key) {
        page.keyboard().press(key);
        if (!Boolean.TRUE.equals(page.evaluate(FOCUS_IS_VISIBLE))) {
            unmarked.add(key + " -> " + focused());
        }
    }

    /** Presses Tab until the focused element matches the selector; at most 60 times. */
    private void tabUntil(String selector) {
        tabUntil(selector, "Tab");
    }

    private void tabUntil(String selector, String key) {
        for (int i = 0; i < 60; i++) {
            press(key);
            if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement.matches(s)", selector))) {
                return;
            }
        }
        throw new AssertionError(key + " never reached " + selector + "; last stop: " + focused());
    }

    private String focused() {
        return (String) page.evaluate(FOCUSED);
    }

    private String label() {
        return ((String) page.evaluate("() => document.activeElement.labels[0].textContent")).strip();
    }
}
