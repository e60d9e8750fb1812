package org.mhconnect.reminder.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhconnect.reminder.ApiCalls.newPerson;
import static org.mhconnect.reminder.ApiCalls.weekdayEvenings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.actions.ActionLinks.Action;
import org.mhconnect.reminder.definition.OccurrenceView;
import org.mhconnect.reminder.definition.ReminderView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.core.type.TypeReference;

/**
 * The one-click links a reminder carries work without signing in: the link is the proof. Opening one (a GET, which
 * mail scanners do to every link) only asks; the page's button POSTs to the same address and does what it says,
 * visibly through the API, and a second press changes nothing more. A changed link is refused (400), an old one has
 * expired (410), and one for a removed reminder finds nothing to change (410).
 */
@ReminderIntegrationTest
class ActionLinksApiTest {

    private static final String PUBLIC_URL = "http://localhost:8080";

    @Autowired
    RestTestClient http;

    @Autowired
    ActionLinks links;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderProperties properties;

    ApiCalls api;
    String person;
    ReminderView reminder;
    Instant occurred;
    String occurrenceId;

    @BeforeEach
    void aReminderThatHasJustFired() {
        api = new ApiCalls(http);
        person = newPerson();
        reminder = api.create(person, weekdayEvenings("Evening journal"));
        occurred = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        occurrenceId = reminder.id() + "@" + occurred;
    }

    @Test
    void aLinkIsAFullAddressUnderThePublicUrl() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.STOP);

        assertThat(link).startsWith(PUBLIC_URL + "/api/notifications/actions/");
        assertThat(link.substring(link.lastIndexOf('/') + 1).split("\\.")).hasSize(3);
    }

    @Test
    void openingASnoozeOrSkipLinkOnlyAsksSoAMailScannerChangesNothing() {
        for (Action action : List.of(Action.SNOOZE_15_MINUTES, Action.SNOOZE_1_HOUR, Action.SNOOZE_TOMORROW,
                Action.SKIP_NEXT)) {
            String link = links.link(person, reminder.id(), occurrenceId, action);

            Reply reply = click(link);

            assertThat(reply.status()).as(action.name()).isEqualTo(200);
            assertThat(reply.contentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(reply.body()).as(action.name())
                    .contains("<form method=\"post\" action=\"" + path(link) + "\"")
                    .contains("<input type=\"hidden\" name=\"answer\" value=\"page\">");
            assertThat(click(link).status()).isEqualTo(200);
        }
        assertThat(click(links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_1_HOUR)).body())
                .contains("<h1 id=\"page-title\">Snooze for an hour?</h1>")
                .contains("<button type=\"submit\" class=\"primary\">Snooze 1 hour</button>");
        assertThat(click(links.link(person, reminder.id(), occurrenceId, Action.SKIP_NEXT)).body())
                .contains("<h1 id=\"page-title\">Skip the next one?</h1>");
        assertThat(current().snoozes()).isEmpty();
        assertThat(current().skipThrough()).isNull();
        assertThat(current().version()).isEqualTo(reminder.version());
    }

    @Test
    void theSnoozePagesButtonAddsOneMoreOccurrenceFifteenMinutesAfterTheOneItCameWith() {
        Reply reply = press(links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_15_MINUTES));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(reply.body()).contains(">Snoozed: we will remind you again in 15 minutes.</h1>");
        assertThat(reply.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(reply.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(current().snoozes()).containsExactly(occurred.plus(Duration.ofMinutes(15)));
    }

    @Test
    void pressingTheSameSnoozeButtonTwiceSnoozesOnce() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_15_MINUTES);

        assertThat(press(link).status()).isEqualTo(200);
        assertThat(press(link).status()).isEqualTo(200);

        assertThat(current().snoozes()).containsExactly(occurred.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theOtherSnoozeButtonsSnoozeForAnHourAndUntilTomorrow() {
        assertThat(press(links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_1_HOUR)).status()).isEqualTo(200);
        assertThat(press(links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_TOMORROW)).status()).isEqualTo(200);

        assertThat(current().snoozes()).containsExactly(occurred.plus(Duration.ofHours(1)),
                occurred.atZone(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).toInstant());
    }

    @Test
    void aSnoozeButtonPressedLongAfterItsOccurrenceCountsFromThePress() {
        String longAgo = reminder.id() + "@" + occurred.minus(Duration.ofDays(2));
        Instant before = Instant.now();

        assertThat(press(links.link(person, reminder.id(), longAgo, Action.SNOOZE_15_MINUTES)).status()).isEqualTo(200);

        assertThat(current().snoozes()).singleElement().satisfies(at ->
                assertThat(at).isBetween(before.plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(15))));
    }

    @Test
    void theSkipPagesButtonSkipsTheFirstUpcomingOccurrence() {
        Instant firstUpcoming = api.get(person, "/api/reminders/{id}/occurrences?count=1", reminder.id())
                .as(new TypeReference<List<OccurrenceView>>() {
                }).getFirst().at();

        Reply reply = press(links.link(person, reminder.id(), occurrenceId, Action.SKIP_NEXT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("The next one is skipped.");
        assertThat(current().skipThrough()).isEqualTo(firstUpcoming);
    }

    @Test
    void openingTheStopLinkOnlyAsksSoAMailScannerStopsNothing() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.STOP);

        Reply reply = click(link);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(reply.body()).contains("<h1 id=\"page-title\">Stop this reminder?</h1>")
                .contains("<form method=\"post\" action=\"" + path(link) + "\"")
                .contains("<input type=\"hidden\" name=\"answer\" value=\"page\">")
                .contains("<button type=\"submit\" class=\"primary\">Stop this reminder</button>");
        assertThat(click(link).status()).isEqualTo(200);
        assertThat(current().active()).isTrue();
    }

    @Test
    void theStopPagesButtonStopsTheReminderAndASecondPressChangesNothingMore() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.STOP);

        Reply reply = press(link);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(reply.body()).contains("This reminder is stopped.");
        assertThat(current().active()).isFalse();
        assertThat(press(link).status()).isEqualTo(200);
        assertThat(current().active()).isFalse();
    }

    @Test
    void openingTheUnsubscribeLinkOnlyAsks() {
        Reply reply = click(links.link(person, reminder.id(), occurrenceId, Action.UNSUBSCRIBE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("Stop reminder e-mails?").contains("<form method=\"post\"");
        assertThat(api.preferences(person)).containsEntry("emailEnabled", true);
    }

    @Test
    void theUnsubscribePagesButtonTurnsOffEmailForEveryReminder() {
        assertThat(api.preferences(person)).containsEntry("emailEnabled", true);

        Reply reply = press(links.link(person, reminder.id(), occurrenceId, Action.UNSUBSCRIBE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(reply.body()).contains("You will get no more reminder e-mails.");
        assertThat(api.preferences(person)).containsEntry("emailEnabled", false);
        assertThat(current().active()).as("the reminder itself goes on").isTrue();
    }

    @Test
    void everyActionPageIsStyledByTheAppsStylesheetNotInlineStyleWhichTheCspBlocks() {
        for (Action action : Action.values()) {
            String link = action == Action.DIGEST_OFF ? links.link(person, null, null, action)
                    : links.link(person, reminder.id(), occurrenceId, action);
            for (Reply reply : List.of(click(link), press(link))) {
                assertThat(reply.status()).as(action.name()).isEqualTo(200);
                assertThat(reply.body()).as(action.name()).contains("<link rel=\"stylesheet\" href=\"/app.css\">")
                        .doesNotContain("style=").doesNotContain("<style");
            }
        }
    }

    @Test
    void theOneClickUnsubscribeOfRfc8058IsAPost() {
        String path = path(links.link(person, reminder.id(), occurrenceId, Action.UNSUBSCRIBE));

        var result = http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body("List-Unsubscribe=One-Click")
                .exchange().expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseBody()).isEqualTo("You will get no more reminder e-mails.");
        assertThat(api.preferences(person)).containsEntry("emailEnabled", false);
    }

    @Test
    void aPostWithoutThePagesFormActsAndAnswersPlainTextForWebhookReceivers() {
        String path = path(links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_1_HOUR));

        var result = http.post().uri(path).exchange().expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(result.getResponseBody()).isEqualTo("Snoozed: we will remind you again in an hour.");
        assertThat(current().snoozes()).containsExactly(occurred.plus(Duration.ofHours(1)));
    }

    @Test
    void theUnsubscribeLinkStillWorksAfterItsReminderWasRemoved() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.UNSUBSCRIBE);
        api.delete(person, "/api/reminders/{id}", reminder.id());

        assertThat(click(link).status()).isEqualTo(200);
        assertThat(press(link).status()).isEqualTo(200);
        assertThat(api.preferences(person)).containsEntry("emailEnabled", false);
    }

    @Test
    void aLinkWithAChangedSignatureIsRefused() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.STOP);
        int signature = link.lastIndexOf('.') + 1;
        char original = link.charAt(signature + 5);
        String tampered = link.substring(0, signature + 5) + (original == 'A' ? 'B' : 'A') + link.substring(signature + 6);

        Reply reply = click(tampered);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json()).containsEntry("title", "This link is not valid");
        assertThat(current().active()).isTrue();
    }

    @Test
    void aLinkWhoseContentWasChangedIsRefused() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_15_MINUTES);
        String[] parts = path(link).substring("/api/notifications/actions/".length()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("snooze-15-minutes", "stop");
        String changed = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        Reply reply = api.get(null, "/api/notifications/actions/" + changed);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(current().active()).isTrue();
        assertThat(current().snoozes()).isEmpty();
    }

    @Test
    void somethingThatIsNoLinkAtAllIsRefused() {
        Reply get = api.get(null, "/api/notifications/actions/not-a-link");
        Reply post = api.post(null, "/api/notifications/actions/not-a-link", null);

        assertThat(get.status()).isEqualTo(400);
        assertThat(get.isProblem()).isTrue();
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.isProblem()).isTrue();
    }

    @Test
    void aLinkOlderThanAWeekHasExpired() {
        Clock eightDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC);
        String old = new ActionLinks(mongo, properties, eightDaysAgo).link(person, reminder.id(), occurrenceId, Action.STOP);

        Reply reply = click(old);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(press(old).status()).isEqualTo(410);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json()).containsEntry("title", "This link has expired");
        assertThat(current().active()).isTrue();
    }

    @Test
    void aLinkSixDaysOldStillWorks() {
        Clock sixDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(6)), ZoneOffset.UTC);
        String link = new ActionLinks(mongo, properties, sixDaysAgo).link(person, reminder.id(), occurrenceId, Action.STOP);

        assertThat(press(link).status()).isEqualTo(200);
        assertThat(current().active()).isFalse();
    }

    @Test
    void aLinkForARemovedReminderFindsNothingToChange() {
        String link = links.link(person, reminder.id(), occurrenceId, Action.SNOOZE_15_MINUTES);
        assertThat(api.delete(person, "/api/reminders/{id}", reminder.id()).status()).isEqualTo(204);

        Reply reply = click(link);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(press(link).status()).isEqualTo(410);
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json()).containsEntry("title", "This reminder no longer exists");
        assertThat(api.get(person, "/api/reminders/{id}", reminder.id()).status()).isEqualTo(404);
    }

    @Test
    void aLinkNamingSomeoneElseDoesNotReachTheOwnersReminder() {
        String link = links.link(newPerson(), reminder.id(), occurrenceId, Action.STOP);

        Reply reply = click(link);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(current().active()).isTrue();
    }

    /** A click in an e-mail: a GET without any token. */
    private Reply click(String link) {
        return api.get(null, path(link));
    }

    /** The button of the page a link opens: a POST of the form to the same address. */
    private Reply press(String link) {
        var result = http.post().uri(path(link)).contentType(MediaType.APPLICATION_FORM_URLENCODED).body("answer=page")
                .exchange().expectBody(String.class).returnResult();
        return new Reply(result.getStatus().value(), result.getResponseHeaders().getContentType(),
                result.getResponseBody(), result.getResponseHeaders());
    }

    private static String path(String link) {
        assertThat(link).startsWith(PUBLIC_URL);
        return link.substring(PUBLIC_URL.length());
    }

    private ReminderView current() {
        Reply reply = api.get(person, "/api/reminders/{id}", reminder.id());
        assertThat(reply.status()).isEqualTo(200);
        return reply.as(ReminderView.class);
    }
}
