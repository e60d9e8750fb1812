package org.mhconnect.reminder.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ApiCalls.Reply;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.mhconnect.reminder.ReminderProperties;
import org.mhconnect.reminder.definition.Reminders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push channel against a local push service that checks what a real one checks and decrypts like a browser
 * ({@link BrowserPushService}): a due reminder arrives on every subscribed device with its title and signed
 * "snooze" and "done" links; a 410 removes that subscription; a 500 is tried again, unless another device has it; and
 * the VAPID key pair is made once, kept sealed, and the same after a restart or when two instances start at once.
 */
@ReminderIntegrationTest
class PushChannelTest {

    static final BrowserPushService PUSH = service();

    @Autowired
    RestTestClient http;

    @Autowired
    Reminders reminders;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReminderProperties properties;

    @Autowired
    PushSubscriptions subscriptions;

    ApiCalls api;
    String person;

    @DynamicPropertySource
    static void localPushService(DynamicPropertyRegistry registry) {
        registry.add("mhc.reminder.delivery.allow-loopback-webhooks", () -> "true");
        registry.add("mhc.reminder.delivery.first-backoff", () -> "200ms");
    }

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = ApiCalls.newPerson();
    }

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    @Test
    void aDueReminderArrivesOnEverySubscribedDeviceEncryptedAndSignedWithItsActions() throws Exception {
        var phone = PUSH.browser(person + "-phone");
        var laptop = PUSH.browser(person + "-laptop");
        subscribe(phone.subscription());
        subscribe(laptop.subscription());
        subscribe(phone.subscription()); // the same endpoint again: still one subscription for the phone

        assertThat(subscriptions.of(person)).hasSize(2);
        String id = dueSoon("Drink some water");

        await().atMost(Duration.ofSeconds(20)).until(() -> received(phone.name()) != null && received(laptop.name()) != null);
        assertThat(PUSH.refusals).isEmpty();
        BrowserPushService.Received arrived = received(phone.name());
        assertThat(arrived.audience()).isEqualTo(PUSH.origin());
        assertThat(arrived.subject()).startsWith("mailto:");
        assertThat(arrived.vapidKey()).isEqualTo(api.get(person, "/api/notifications/push/public-key").json().get("publicKey"));
        Map<String, Object> message = JsonMapper.builder().build().readValue(arrived.json(), Map.class);
        assertThat(message).containsEntry("title", "Drink some water").containsEntry("reminderId", id);
        assertThat(message.get("tag").toString()).startsWith(id + "@");
        @SuppressWarnings("unchecked")
        List<Map<String, String>> actions = (List<Map<String, String>>) message.get("actions");
        assertThat(actions).extracting(action -> action.get("action")).containsExactly("snooze", "done");
        assertThat(actions).allSatisfy(action -> assertThat(action.get("link"))
                .startsWith(properties.publicUrl() + "/api/notifications/actions/"));

        // The service worker POSTs the snooze link: the reminder is snoozed, without signing in.
        String snooze = actions.getFirst().get("link").substring(properties.publicUrl().length());
        http.post().uri(snooze).exchange().expectStatus().isOk();
        assertThat(reminders.get(person, id).snoozes()).isNotEmpty();
        assertThat(history(id)).anySatisfy(entry -> assertThat(entry).containsEntry("channel", "push").containsEntry("status", "sent"));
    }

    @Test
    void aGoneSubscriptionIsRemovedAndTheOtherDevicesStillGetTheReminder() {
        var gone = PUSH.browser(person + "-old-phone", 410);
        var kept = PUSH.browser(person + "-tablet");
        subscribe(gone.subscription());
        subscribe(kept.subscription());

        dueSoon("Stretch");

        await().atMost(Duration.ofSeconds(20)).until(() -> received(kept.name()) != null);
        assertThat(subscriptions.of(person)).extracting(PushSubscriptionsDocument.Device::endpoint).containsExactly(kept.endpoint());
        assertThat(received(gone.name())).isNull();
    }

    @Test
    void aServerErrorIsTriedAgainAndTheHistorySaysHowManyAttemptsItTook() {
        var flaky = PUSH.browser(person + "-flaky", 500);
        subscribe(flaky.subscription());

        String id = dueSoon("Breathe");

        await().atMost(Duration.ofSeconds(20)).until(() -> received(flaky.name()) != null);
        assertThat(PUSH.requestsTo(flaky.name())).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(history(id)).anySatisfy(entry -> assertThat(entry)
                .containsEntry("channel", "push").containsEntry("status", "sent").containsEntry("attempts", 2)));
    }

    @Test
    void aReminderThatReachedOneDeviceIsNotSentAgainBecauseAnotherFailed() {
        var phone = PUSH.browser(person + "-steady-phone");
        var tablet = PUSH.browser(person + "-unlucky-tablet", 500);
        subscribe(phone.subscription());
        subscribe(tablet.subscription());

        String id = dueSoon("Drink some water");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history(id)).anySatisfy(entry -> assertThat(entry)
                .containsEntry("channel", "push").containsEntry("status", "sent").containsEntry("attempts", 1)));
        // A retry would show it again on the phone, where it may have been read and dismissed already.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
            assertThat(PUSH.requestsTo(phone.name())).isEqualTo(1);
            assertThat(PUSH.requestsTo(tablet.name())).isEqualTo(1);
        });
    }

    @Test
    void theKeyPairIsMadeOnceKeptSealedAndTheSameAfterARestart() {
        String published = api.get(person, "/api/notifications/push/public-key").json().get("publicKey").toString();
        assertThat(P256.fromBase64Url(published)).hasSize(65);

        VapidKeyDocument stored = mongo.findById(VapidKeys.ID, VapidKeyDocument.class);
        assertThat(stored.publicKey()).isEqualTo(published);
        SealingKey configured = SealingKey.from(properties.push());
        byte[] privateKey = configured.open("vapid/" + published, stored.sealedPrivateKey());
        assertThat(stored.sealedPrivateKey()).doesNotContain(java.util.Base64.getEncoder().encodeToString(privateKey))
                .doesNotContain(P256.base64Url(privateKey));
        SealingKey another = new SealingKey(new SecretKeySpec(new byte[32], "AES"));
        assertThatThrownBy(() -> another.open("vapid/" + published, stored.sealedPrivateKey()))
                .isInstanceOf(IllegalStateException.class);

        // A restart: a new instance reads the same pair.
        assertThat(new VapidKeys(mongo, properties, Clock.systemUTC()).publicKey()).isEqualTo(published);
    }

    @Test
    void twoInstancesStartingAtOnceAgreeOnOneKeyPair() {
        VapidKeyDocument original = mongo.findById(VapidKeys.ID, VapidKeyDocument.class);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(VapidKeys.ID)), VapidKeyDocument.class);
        try {
            var first = CompletableFuture.supplyAsync(() -> new VapidKeys(mongo, properties, Clock.systemUTC()).publicKey());
            var second = CompletableFuture.supplyAsync(() -> new VapidKeys(mongo, properties, Clock.systemUTC()).publicKey());
            assertThat(first.join()).isEqualTo(second.join())
                    .isEqualTo(mongo.findById(VapidKeys.ID, VapidKeyDocument.class).publicKey());
        }
        finally {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(VapidKeys.ID)), VapidKeyDocument.class);
            if (original != null) {
                mongo.insert(original);
            }
        }
    }

    private void subscribe(Map<String, Object> subscription) {
        Reply reply = api.put(person, "/api/notifications/push/subscriptions", subscription);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
    }

    private String dueSoon(String title) {
        Map<String, Object> body = ApiCalls.weekdayEvenings(title);
        body.put("channels", List.of("push"));
        String id = api.create(person, body).id();
        reminders.snooze(person, id, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS));
        return id;
    }

    private static BrowserPushService.Received received(String browser) {
        return PUSH.received.stream().filter(message -> message.browser().equals(browser)).findFirst().orElse(null);
    }

    private List<Map<String, Object>> history(String id) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get(person, "/api/reminders/{id}/deliveries", id).json().get("items");
        return items;
    }

    private static BrowserPushService service() {
        try {
            return new BrowserPushService();
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
