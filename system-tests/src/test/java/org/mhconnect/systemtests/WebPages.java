package org.mhconnect.systemtests;

import static org.mhconnect.systemtests.People.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.mhconnect.systemtests.People.Person;
import tools.jackson.databind.JsonNode;

/**
 * Every page of the web app, with what it needs to show something real: a person ("Sam") with a few weeks of
 * journal entries, a check-in, reminders, a reaction, a saved reading and a safety plan, and an editor for the
 * editor's desk.
 * Made once per test JVM and shared by the accessibility, page-weight and screenshot tests, which only read.
 */
final class WebPages {

    /** Who looks at a page: nobody signed in, an ordinary person, or an editor. */
    enum Viewer { GUEST, PERSON, EDITOR }

    /** A page: a short name for reports and files, its route, and who looks at it. */
    record WebPage(String name, String route, Viewer viewer) {
    }

    /** The signed-in people whose pages are shown, and the address each signs in with. */
    record Cast(String personEmail, String editorEmail, List<WebPage> pages) {

        String emailOf(Viewer viewer) {
            return switch (viewer) {
                case GUEST -> null;
                case PERSON -> personEmail;
                case EDITOR -> editorEmail;
            };
        }
    }

    static final String ARTICLE = "what-self-compassion-is";
    static final String PRACTICE = "a-breathing-space";

    private static Cast cast;

    private WebPages() {
    }

    /** Confirms an address with the link of the mail sent at sign-up, as its owner would. */
    static void confirmAddress(String address) throws Exception {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/#/verify-email\\?token=([A-Za-z0-9_-]+)");
        String[] token = new String[1];
        org.awaitility.Awaitility.await("the confirmation mail to " + address).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    JsonNode mails = JSON.readTree(People.get(RunningSystem.shared().mailViewer() + "/api/messages", null).body());
                    mails.valueStream().filter(mail -> mail.get("to").toString().contains(address))
                            .map(mail -> link.matcher(mail.get("text").asString())).filter(java.util.regex.Matcher::find)
                            .reduce((first, second) -> second).ifPresent(matcher -> token[0] = matcher.group(1));
                    return token[0] != null;
                });
        HttpResponse<String> confirmed = People.post(RunningSystem.shared().gateway() + "/api/auth/verify-email", null,
                "{\"token\":\"" + token[0] + "\"}");
        if (confirmed.statusCode() / 100 != 2) {
            throw new IllegalStateException("confirming " + address + " answered " + confirmed.statusCode());
        }
    }

    /** Every page, with the people behind them; made on first use. */
    static synchronized Cast cast() throws Exception {
        if (cast == null) {
            String email = WebBrowser.newEmail("sam");
            Person sam = WebBrowser.signUp(email, "Sam");
            // Sam has confirmed the address, as anyone past their first day has: the pages show no reminder to do so
            // (a new person's notice is WebJourneysSystemTest's).
            confirmAddress(email);
            String entry = seedJournal(sam);
            String reminder = seedReminders(sam);
            seedLibrary(sam);
            seedSafetyPlan(sam);
            WebBrowser.signUp(RunningSystem.EDITOR_EMAIL, "Eda");
            List<WebPage> pages = new ArrayList<>(List.of(
                    new WebPage("welcome", "", Viewer.GUEST),
                    new WebPage("sign-in", "sign-in", Viewer.GUEST),
                    new WebPage("sign-up", "sign-up", Viewer.GUEST),
                    new WebPage("forgot-password", "forgot-password", Viewer.GUEST),
                    new WebPage("reset-password", "reset-password?token=from-an-e-mail", Viewer.GUEST),
                    new WebPage("verify-email", "verify-email?token=from-an-e-mail", Viewer.GUEST),
                    new WebPage("library-guest", "library", Viewer.GUEST),
                    new WebPage("article-guest", "library/" + ARTICLE, Viewer.GUEST),
                    new WebPage("support-guest", "support", Viewer.GUEST),
                    new WebPage("onboarding", "onboarding", Viewer.PERSON),
                    new WebPage("today", "today", Viewer.PERSON),
                    new WebPage("library", "library", Viewer.PERSON),
                    new WebPage("library-search", "library?q=inner%20critic", Viewer.PERSON),
                    new WebPage("article", "library/" + ARTICLE, Viewer.PERSON),
                    new WebPage("practice", "library/" + PRACTICE, Viewer.PERSON),
                    new WebPage("journal", "journal", Viewer.PERSON),
                    new WebPage("new-entry", "journal/new", Viewer.PERSON),
                    new WebPage("entry", "journal/" + entry, Viewer.PERSON),
                    new WebPage("edit-entry", "journal/" + entry + "/edit", Viewer.PERSON),
                    new WebPage("insights", "insights", Viewer.PERSON),
                    new WebPage("check-in", "check-in", Viewer.PERSON),
                    new WebPage("reminders", "reminders", Viewer.PERSON),
                    new WebPage("new-reminder", "reminders/new", Viewer.PERSON),
                    new WebPage("reminder", "reminders/" + reminder, Viewer.PERSON),
                    new WebPage("inbox", "inbox", Viewer.PERSON),
                    new WebPage("support", "support", Viewer.PERSON),
                    new WebPage("safety-plan", "safety-plan", Viewer.PERSON),
                    new WebPage("account", "account", Viewer.PERSON),
                    new WebPage("editor", "editor", Viewer.EDITOR),
                    new WebPage("editor-draft", "editor/new", Viewer.EDITOR),
                    new WebPage("editor-item", "editor/" + ARTICLE, Viewer.EDITOR)));
            cast = new Cast(email, RunningSystem.EDITOR_EMAIL, List.copyOf(pages));
        }
        return cast;
    }

    /** Entries on ten of the last fourteen days, with moods and feelings; returns the newest entry's id. */
    private static String seedJournal(Person sam) throws Exception {
        JsonNode emotions = JSON.readTree(People.get(WebBrowser.gateway() + "/api/journal/emotions", sam).body());
        List<String> codes = new ArrayList<>();
        emotions.valueStream().forEach(e -> codes.add(e.get("code").asString()));
        LocalDateTime now = LocalDateTime.now(ZoneId.of(WebBrowser.ZONE)).truncatedTo(ChronoUnit.MINUTES);
        int[] daysAgo = {13, 12, 10, 9, 7, 6, 4, 3, 1};
        int[] moods = {2, 3, 3, 2, 4, 3, 4, 5, 4};
        String[] bodies = {
            "A heavy day. I kept replaying the meeting in my head.",
            "Walked by the river after work. It helped a little.",
            "Tired, but I managed to cook something warm.",
            "My inner critic was loud today. I wrote it down and it got a bit quieter.",
            "Coffee with Mia. Laughed more than I have in weeks.",
            "An ordinary day, and that is fine.",
            "Tried the breathing space before a difficult call.",
            "Slept well for once. Felt lighter all morning.",
            "Finished the report. Not perfect, but good enough.",
        };
        for (int i = 0; i < daysAgo.length; i++) {
            String body = """
                    {"body":%s,"mood":%d,"emotions":[%s,%s],"timeZone":"%s","localDateTime":"%s"}"""
                    .formatted(JSON.writeValueAsString(bodies[i]), moods[i],
                            JSON.writeValueAsString(codes.get((i * 7) % codes.size())),
                            JSON.writeValueAsString(codes.get((i * 7 + 3) % codes.size())), WebBrowser.ZONE,
                            now.minusDays(daysAgo[i]).withHour(20).withMinute(15));
            expect(201, People.post(WebBrowser.gateway() + "/api/journal/entries", sam, body));
        }
        HttpResponse<String> newest = People.post(WebBrowser.gateway() + "/api/journal/entries", sam, """
                {"title":"A slower morning","body":"I let myself start slowly today.\\n\\nNo rushing, just tea and the window.",
                 "mood":4,"emotions":[%s],"tags":["rest"],"timeZone":"%s",
                 "reframe":{"innerCritic":"You are wasting the morning.","friend":"You needed the rest.",
                 "kinderView":"Rest is part of doing well."}}"""
                .formatted(JSON.writeValueAsString(codes.get(1)), WebBrowser.ZONE));
        expect(201, newest);
        expect(201, People.post(WebBrowser.gateway() + "/api/journal/checkins", sam,
                "{\"answers\":[3,4,2,3,4,3,2,3,4,3,3,4],\"timeZone\":\"" + WebBrowser.ZONE + "\"}"));
        return JSON.readTree(newest.body()).get("id").asString();
    }

    /** An evening journaling reminder and a morning practice; returns the first one's id. */
    private static String seedReminders(Person sam) throws Exception {
        HttpResponse<String> evening = People.post(WebBrowser.gateway() + "/api/reminders", sam, """
                {"kind":"journal","title":"A few words for your journal","channels":["inbox"],
                 "schedule":{"times":["21:00"],"timeZone":"%s"}}""".formatted(WebBrowser.ZONE));
        expect(201, evening);
        expect(201, People.post(WebBrowser.gateway() + "/api/reminders", sam, """
                {"kind":"practice","title":"A breathing space","practiceSlug":"a-breathing-space","channels":["inbox"],
                 "schedule":{"times":["08:00"],"weekdays":["MO","WE","FR"],"timeZone":"%s"}}"""
                .formatted(WebBrowser.ZONE)));
        return JSON.readTree(evening.body()).get("id").asString();
    }

    private static void seedLibrary(Person sam) throws Exception {
        expect(200, put("/api/content/items/" + ARTICLE + "/reaction", sam, "{\"reaction\":\"helpful\"}"));
        expect(204, put("/api/content/saved/" + PRACTICE, sam, null));
    }

    /** A safety plan with something in every section, so its page shows the whole plan. */
    private static void seedSafetyPlan(Person sam) throws Exception {
        expect(200, put("/api/journal/safety-plan", sam, """
                {"warningSigns":["Cancelling plans with friends","Not sleeping"],
                 "copingStrategies":["A slow walk to the park","Music with headphones"],
                 "distractions":["The library café"],
                 "contacts":[{"name":"Mia","contact":"+49 30 1234567"}],
                 "professionals":[{"name":"My doctor","phone":"+49 30 7654321"},
                                  {"name":"Find A Helpline","url":"https://findahelpline.com"}],
                 "saferSurroundings":["Give the spare keys to Mia"],
                 "reasonForLiving":"My sister and our Sunday calls"}"""));
    }

    static HttpResponse<String> put(String path, Person person, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WebBrowser.gateway() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + person.accessToken())
                .method("PUT", json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return People.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
