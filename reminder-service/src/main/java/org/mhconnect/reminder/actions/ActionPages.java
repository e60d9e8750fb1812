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
     * A question before a link acts: mail scanners open every link in an e-mail, so a GET only asks, and the button
     * sends the POST (to the same signed address) that does it.
     */
    static ResponseEntity<String> confirm(ActionLinks.Action action, String address) {
        Question question = Question.of(action);
        return page(question.title(), "<h1 id=\"page-title\">" + escape(question.title()) + "</h1>"
                + "<p class=\"lead\">" + escape(question.explanation()) + "</p>"
                + "<form method=\"post\" action=\"" + escape(address) + "\" data-testid=\"confirm-action\">"
                + "<input type=\"hidden\" name=\"" + ANSWER + "\" value=\"" + PAGE + "\">"
                + "<div class=\"actions\"><button type=\"submit\" class=\"primary\">" + escape(question.button())
                + "</button>"
                + "<a class=\"button\" href=\"/\">" + escape(question.stay()) + "</a></div></form>");
    }

    /** What the page a link opens asks, what the button says, and the way out that changes nothing. */
    record Question(String title, String explanation, String button, String stay) {

        private static final String KEEP = "Keep it and open Mental Health Connect";
        private static final String LEAVE = "Leave it as it is and open Mental Health Connect";

        static Question of(ActionLinks.Action action) {
            return switch (action) {
                case SNOOZE_15_MINUTES -> new Question("Snooze for 15 minutes?",
                        "We will remind you again 15 minutes after this one came.", "Snooze 15 minutes", LEAVE);
                case SNOOZE_1_HOUR -> new Question("Snooze for an hour?",
                        "We will remind you again an hour after this one came.", "Snooze 1 hour", LEAVE);
                case SNOOZE_TOMORROW -> new Question("Snooze until tomorrow?",
                        "We will remind you again at this time tomorrow.", "Snooze until tomorrow", LEAVE);
                case SKIP_NEXT -> new Question("Skip the next one?",
                        "Only the next one is skipped. The ones after it come as usual.", "Skip the next one", LEAVE);
                case STOP -> new Question("Stop this reminder?",
                        "It will not come again until you start it once more in Reminders.", "Stop this reminder", KEEP);
                case UNSUBSCRIBE -> new Question("Stop reminder e-mails?", "Your reminders still arrive in the app "
                        + "and wherever else you chose. You can turn e-mail on again in Reminders.",
                        "Stop reminder e-mails", KEEP);
                case DIGEST_OFF -> new Question("Stop the weekly digest?", "You can ask for it again in Reminders.",
                        "Stop the weekly digest", KEEP);
                case DONE -> new Question("Mark this reminder done?",
                        "It is marked as read in your inbox. The reminder itself comes again as planned.",
                        "Mark it done", LEAVE);
            };
        }
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
