package org.mhconnect.reminder.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.devstack.MailCatcher;
import org.mhconnect.events.Topics;
import org.mhconnect.events.content.ContentPublished;
import org.mhconnect.events.content.ContentUpdated;
import org.mhconnect.events.content.ContentWithdrawn;
import org.mhconnect.events.user.UserDeletionRequested;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The weekly digest, for people who ask for it: on Monday between 09:00 and 10:00 in their own zone, one short e-mail
 * (in GreenMail) listing the library items published in the seven days before, each linked into the app, with a
 * one-click way to stop it. Never twice in one ISO week, however often (and on however many instances) the job runs;
 * never to someone who did not ask; nothing in a week with nothing new; nothing to an address still waiting for
 * confirmation. A deleted account leaves the list.
 *
 * <p>Library items arrive as real {@code content.*} events on {@code mhc.content}, keyed by slug, as content-service
 * publishes them. Each test drives the job with {@code sendDue} at a Monday of its own in 2031, and publishes its own
 * items in the week before it, so the tests do not see each other's. The quarter-hourly job itself is off here.
 */
@ReminderIntegrationTest
@DirtiesContext
class WeeklyDigestTest {

    static final MailCatcher MAIL = MailCatcher.onPort(freePort());
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String PREFERENCES = "/api/notifications/preferences";

    @Autowired
    RestTestClient http;

    @Autowired
    EventPublisher events;

    @Autowired
    DigestItems items;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    Subscribers subscribers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    ApiCalls api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("mhc.reminder.digest.cron", () -> "-");
    }

    @AfterAll
    static void stopMailServer() {
        MAIL.close();
    }

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
    }

    @Test
    void onMondayMorningASubscriberGetsOneMailListingWhatWasPublishedInTheSevenDaysBefore() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 3, 3, 9, 30, 0, 0, BERLIN);
        Instant at = monday.toInstant();
        String breathing = published(at.minus(Duration.ofDays(2)), "practice", "Three slow breaths", "A pause you can take anywhere.", 3);
        String sleep = published(at.minus(Duration.ofDays(6)), "article", "Sleep when worry is loud", "Gentle ideas for restless nights.", 7);
        String old = published(at.minus(Duration.ofDays(8)), "article", "Older than a week", "Not this week's.", 4);
        String withdrawn = published(at.minus(Duration.ofDays(1)), "article", "Taken down again", "Withdrawn by its editor.", 2);
        withdraw(withdrawn, 2);
        String person = subscriber("ada", "Europe/Berlin");
        double sentBefore = count("sent");
        int mailsBefore = MAIL.rawMessages().length;

        // Two instances run the job at the same moment (everyone due this week gets theirs, too).
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> digest.sendDue(at));
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> digest.sendDue(at));
        int sent = one.join() + other.join();

        List<MimeMessage> mails = mailsTo(email(person));
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("New in the library this week");
        String text = part(mail, "text/plain");
        assertThat(text).contains("Three slow breaths", "A pause you can take anywhere.", "A practice, 3 minutes",
                "Sleep when worry is loud", "An article, 7 minutes",
                "http://localhost:8080/#/library/" + breathing, "http://localhost:8080/#/library/" + sleep)
                .doesNotContain("Older than a week", old, "Taken down again", withdrawn);
        assertThat(text.indexOf("Three slow breaths")).as("newest first").isLessThan(text.indexOf("Sleep when worry is loud"));
        assertThat(part(mail, "text/html")).contains("<a href=\"http://localhost:8080/#/library/" + breathing + "\">Three slow breaths</a>",
                "<a href=\"http://localhost:8080/#/library/" + sleep + "\">Sleep when worry is loud</a>")
                .doesNotContain("Older than a week", "Taken down again");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/api/notifications/actions/");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(MAIL.rawMessages().length - mailsBefore).isEqualTo(sent);
        assertThat(count("sent") - sentBefore).isEqualTo(sent);
    }

    @Test
    void runningAgainLaterTheSameWeekSendsNothingMore() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 3, 17, 9, 0, 0, 0, BERLIN);
        published(monday.minusDays(3).toInstant(), "practice", "A kind word to yourself", "One minute of self-kindness.", 1);
        String person = subscriber("bea", "Europe/Berlin");

        digest.sendDue(monday.toInstant());
        assertThat(mailsTo(email(person))).hasSize(1);
        assertThat(digest.sendDue(monday.plusMinutes(15).toInstant())).isZero();
        assertThat(digest.sendDue(monday.plusMinutes(59).toInstant())).isZero();

        assertThat(mailsTo(email(person))).hasSize(1);
    }

    @Test
    void someoneWhoDidNotAskForItGetsNothing() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 3, 31, 9, 30, 0, 0, BERLIN);
        published(monday.minusDays(2).toInstant(), "article", "Not for everyone", "Only for those who asked.", 5);
        String person = registered("cleo", "Europe/Berlin");
        String subscriber = subscriber("dora", "Europe/Berlin");

        digest.sendDue(monday.toInstant());

        assertThat(mailsTo(email(person))).isEmpty();
        assertThat(mailsTo(email(subscriber))).hasSize(1);
    }

    @Test
    void itComesAtNineOnMondayInThePersonsOwnZone() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 4, 14, 9, 30, 0, 0, ZoneId.of("America/New_York"));
        published(monday.minusDays(1).toInstant(), "practice", "Walking, slowly", "A short mindful walk.", 10);
        String person = subscriber("eve", "America/New_York");

        digest.sendDue(monday.withZoneSameInstant(BERLIN).withHour(9).toInstant()); // 03:30 in New York
        digest.sendDue(monday.withHour(8).withMinute(59).toInstant());
        digest.sendDue(monday.plusDays(1).toInstant()); // Tuesday
        assertThat(mailsTo(email(person))).isEmpty();

        digest.sendDue(monday.toInstant());
        assertThat(mailsTo(email(person))).hasSize(1);
    }

    @Test
    void aWeekWithNothingNewSendsNothing() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 4, 28, 9, 30, 0, 0, BERLIN);
        published(monday.minusDays(9).toInstant(), "article", "From the week before", "Already in last week's digest.", 3);
        String person = subscriber("fay", "Europe/Berlin");
        double skippedBefore = count("skipped");

        digest.sendDue(monday.toInstant());

        assertThat(mailsTo(email(person))).isEmpty();
        assertThat(count("skipped")).isGreaterThan(skippedBefore);
    }

    @Test
    void nothingIsSentWhenTheReminderEmailsAreTurnedOff() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 5, 12, 9, 30, 0, 0, BERLIN);
        published(monday.minusDays(2).toInstant(), "article", "For people who read e-mail", "Read on.", 3);
        String person = registered("gia", "Europe/Berlin");
        choose(person, true, false);

        digest.sendDue(monday.toInstant());

        assertThat(mailsTo(email(person))).isEmpty();
    }

    @Test
    void anAddressWaitingForConfirmationGetsNoDigestUntilItIsConfirmedWithinTheHour() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 7, 7, 9, 0, 0, 0, BERLIN);
        published(monday.minusDays(2).toInstant(), "practice", "Before you confirm", "Sent once the address is confirmed.", 2);
        String person = ApiCalls.newPerson();
        events.publish(Topics.USERS, new UserRegistered(UUID.randomUUID(), Instant.now(), person, email(person), "Jo",
                "Europe/Berlin", "en", false));
        await().atMost(Duration.ofSeconds(15)).until(() -> email(person).equals(api.preferences(person).get("email")));
        choose(person, true, true);

        digest.sendDue(monday.toInstant());
        assertThat(mailsTo(email(person))).isEmpty();

        events.publish(Topics.USERS, new UserEmailVerified(UUID.randomUUID(), Instant.now(), person, email(person)));
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(api.preferences(person).get("emailVerified")));
        digest.sendDue(monday.plusMinutes(15).toInstant());

        assertThat(mailsTo(email(person))).hasSize(1);
    }

    @Test
    void theOneClickLinkInTheMailTurnsTheDigestOff() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 5, 26, 9, 30, 0, 0, BERLIN);
        published(monday.minusDays(2).toInstant(), "practice", "Body scan", "Ten minutes, lying down.", 10);
        String person = subscriber("hana", "Europe/Berlin");
        digest.sendDue(monday.toInstant());
        String link = unsubscribeLink(mailsTo(email(person)).getFirst());
        long version = ((Number) api.preferences(person).get("version")).longValue();

        Reply oneClick = api.call(HttpMethod.POST, null, path(link), null); // what a mail provider sends (RFC 8058)
        assertThat(oneClick.status()).as(oneClick.toString()).isEqualTo(200);
        assertThat(oneClick.contentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
        assertThat(oneClick.body()).isEqualTo("You will get no more weekly digests.");
        Reply click = api.get(null, path(link)); // a click in a browser only asks, and changes nothing more
        assertThat(click.status()).isEqualTo(200);
        assertThat(click.body()).contains("Stop the weekly digest?");

        assertThat(api.preferences(person)).containsEntry("weeklyDigest", false).containsEntry("emailEnabled", true)
                .containsEntry("version", (int) version + 1);
        assertThat(subscribers.contains(person)).isFalse();
        ZonedDateTime nextMonday = monday.plusWeeks(1);
        published(nextMonday.minusDays(1).toInstant(), "article", "After turning it off", "Not sent.", 2);
        digest.sendDue(nextMonday.toInstant());
        assertThat(mailsTo(email(person))).hasSize(1);
    }

    @Test
    void aDeletedAccountLeavesTheListAndTheRecordOfItsWeeks() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2031, 6, 23, 9, 30, 0, 0, BERLIN);
        published(monday.minusDays(2).toInstant(), "article", "Before leaving", "Read once.", 2);
        String person = subscriber("ines", "Europe/Berlin");
        digest.sendDue(monday.toInstant());
        String week = person + "/2031-W26";
        assertThat(mongo.findById(week, WeeklyDigest.Claim.class)).isNotNull();

        events.publish(Topics.USERS, new UserDeletionRequested(UUID.randomUUID(), Instant.now(), person));

        await().atMost(Duration.ofSeconds(20)).until(() -> !subscribers.contains(person));
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.findById(week, WeeklyDigest.Claim.class) == null);
    }

    @Test
    void aChangedItemIsListedWithItsNewWordsAndAnOlderEventReadAgainChangesNothing() {
        Instant publishedAt = ZonedDateTime.of(2031, 6, 5, 12, 0, 0, 0, BERLIN).toInstant();
        String slug = published(publishedAt, "article", "First title", "First summary.", 3);

        events.publish(Topics.CONTENT, slug, new ContentUpdated(UUID.randomUUID(), Instant.now(), "editor", slug, "article",
                "Better title", "Better summary.", List.of(), List.of(), 4, publishedAt, 2));
        await().atMost(Duration.ofSeconds(15)).until(() -> items.item(slug).orElseThrow().version() == 2);
        items.published(new ContentPublished(UUID.randomUUID(), publishedAt, "editor", slug, "article", "First title",
                "First summary.", List.of(), List.of(), 3, publishedAt, 1)); // redelivered after the update

        assertThat(items.item(slug).orElseThrow()).extracting(DigestItems.Item::title, DigestItems.Item::summary,
                DigestItems.Item::minutes, DigestItems.Item::version).containsExactly("Better title", "Better summary.", 4, 2L);
    }

    @Test
    void aPersonsWeekIsTheIsoWeekWhoseYearMayAlreadyBeTheNext() {
        assertThat(WeeklyDigest.week(ZonedDateTime.of(2024, 12, 30, 9, 0, 0, 0, BERLIN))).isEqualTo("2025-W01");
        assertThat(WeeklyDigest.week(ZonedDateTime.of(2031, 3, 3, 9, 0, 0, 0, BERLIN))).isEqualTo("2031-W10");
    }

    // --- The library, as content-service publishes it --------------------------------------------------------------

    /** Publishes an item (version 1) and waits until the digest knows it; returns its slug. */
    private String published(Instant publishedAt, String type, String title, String summary, int minutes) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-") + UUID.randomUUID().toString().substring(0, 8);
        events.publish(Topics.CONTENT, slug, new ContentPublished(UUID.randomUUID(), publishedAt, "editor", slug, type, title,
                summary, List.of("calm"), List.of(), minutes, publishedAt, 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> items.item(slug).isPresent());
        return slug;
    }

    private void withdraw(String slug, long version) {
        events.publish(Topics.CONTENT, slug, new ContentWithdrawn(UUID.randomUUID(), Instant.now(), "editor", slug, "article", version));
        await().atMost(Duration.ofSeconds(15)).until(() -> items.item(slug).orElseThrow().withdrawn());
    }

    // --- People ------------------------------------------------------------------------------------------------------

    /** Someone registered who asked for the digest in their preferences. */
    private String subscriber(String name, String zone) {
        String person = registered(name, zone);
        choose(person, true, true);
        return person;
    }

    private String registered(String name, String zone) {
        String person = ApiCalls.newPerson();
        events.publish(Topics.USERS, new UserRegistered(UUID.randomUUID(), Instant.now(), person, email(person), name, zone, "en"));
        await().atMost(Duration.ofSeconds(15)).until(() -> email(person).equals(api.preferences(person).get("email")));
        return person;
    }

    private void choose(String person, boolean weeklyDigest, boolean emailEnabled) {
        Map<String, Object> current = api.preferences(person);
        Map<String, Object> change = new java.util.HashMap<>();
        change.put("timeZone", current.get("timeZone"));
        change.put("quietHours", null);
        change.put("pausedUntil", null);
        change.put("emailEnabled", emailEnabled);
        change.put("weeklyDigest", weeklyDigest);
        change.put("version", current.get("version"));
        Reply reply = api.put(person, PREFERENCES, change);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static String email(String person) {
        return "digest-" + person + "@example.org";
    }

    // --- Mail ----------------------------------------------------------------------------------------------------------

    private static List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.rawMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().contains(email))) {
                found.add(message);
            }
        }
        return found;
    }

    /** The first part of that type, however deep the multipart nests it. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String unsubscribeLink(MimeMessage mail) throws Exception {
        String header = mail.getHeader("List-Unsubscribe")[0];
        return header.substring(1, header.length() - 1);
    }

    private static String path(String link) {
        return link.replace("http://localhost:8080", "");
    }

    private double count(String outcome) {
        return meters.counter("reminders.digests", "outcome", outcome).count();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
