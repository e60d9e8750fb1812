package org.mhconnect.reminder.actions;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small pages an action link answers with. They are styled by the web app's own stylesheet ({@code /app.css},
 * served by the gateway on the same origin), never by inline style, which the Content Security Policy forbids. Never
 * cached, and the link (which is the proof) is not passed on as a referrer.
 */
final class ActionPages {

    /** The form field that asks for a page in answer; other POSTs (RFC 8058's) get plain text. */
    static final String ANSWER = "answer";
    static final String PAGE = "page";

    private ActionPages() {
    }

    /** What a link did. */
    static ResponseEntity<String> done(String what) {
        return page("Done", "<h1 id=\"page-title\">" + escape(what) + "</h1>"
                + "<p class=\"lead\">Be gentle with yourself today.</p>"
                + "<p><a href=\"/\">Open Mental Health Connect</a></p>");
    }

    /**
     * A question before a link that stops something acts: mail scanners open every link in an e-mail, so a GET only
     * asks, and the button sends the POST (to the same signed address) that does it.
     */
    static ResponseEntity<String> confirm(String question, String explanation, String button, String action) {
        return page(question, "<h1 id=\"page-title\">" + escape(question) + "</h1>"
                + "<p class=\"lead\">" + escape(explanation) + "</p>"
                + "<form method=\"post\" action=\"" + escape(action) + "\" data-testid=\"confirm-action\">"
                + "<input type=\"hidden\" name=\"" + ANSWER + "\" value=\"" + PAGE + "\">"
                + "<div class=\"actions\"><button type=\"submit\" class=\"primary\">" + escape(button) + "</button>"
                + "<a class=\"button\" href=\"/\">Keep it and open Mental Health Connect</a></div></form>");
    }

    private static ResponseEntity<String> page(String title, String main) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<meta name=\"color-scheme\" content=\"light dark\">"
                        + "<title>" + escape(title) + " · Mental Health Connect</title>"
                        + "<link rel=\"stylesheet\" href=\"/app.css\"></head>"
                        + "<body><header class=\"site-header\"><div class=\"header-bar\">"
                        + "<a class=\"brand\" href=\"/\">Mental Health Connect</a>"
                        + "<a class=\"support-link\" href=\"/#/support\">Get support now</a></div></header>"
                        + "<main id=\"main\">" + main + "</main></body></html>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
