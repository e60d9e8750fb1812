package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.awaitEvent;
import static org.mhconnect.gateway.identity.IdentityFixtures.consumerFromNow;
import static org.mhconnect.gateway.identity.IdentityFixtures.eventsFor;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.DomainEvent;
import org.mhconnect.events.EventTypes;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.gateway.identity.account.LegacyAnnouncements;
import org.mhconnect.outbox.Outbox;
import org.mhconnect.outbox.StagedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other services learn of every account and every profile change, even when Kafka could not be reached at the
 * moment of the change: the event goes through the shared outbox ({@code account_outbox}), staged before the account
 * is written and relayed later when the broker never acknowledged it, but only once the change it describes is
 * written (the account reached the version the change gives it: {@code <userId>#<version>}).
 */
@GatewayIntegrationTest
class AccountAnnouncementsTest {

    static final String OUTBOX = "account_outbox";

    @Autowired
    WebTestClient http;

    @Autowired
    Outbox outbox;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @Autowired
    LegacyAnnouncements legacy;

    @Test
    void signingUpAnnouncesTheAccountAndLeavesNothingStaged() {
        String email = anEmail();
        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            signUp(http, email);
            String userId = signIn(http, email).get("user").get("id").asString();

            ConsumerRecord<String, String> registered = awaitEvent(users, userId, "user.registered");

            assertThat(registered.key()).isEqualTo(userId);
            assertThat(registered.value()).contains(email).contains("Europe/Berlin");
            assertThat(staged(userId)).isEmpty();
        }
    }

    @Test
    void aWrittenChangeWhoseEventNeverReachedKafkaIsRelayedWithItsOwnIdInTheTraceOfItsRequest() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        // Listening before the event is staged: the scheduled relay may publish it before this test's relay does.
        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            // As a gateway leaves it when the broker is down, or when it dies after saving: staged, never released.
            // The sign-up wrote version 0 of the account, so a change to version 0 is written.
            UUID eventId = UUID.randomUUID();
            stage(new UserProfileChanged(eventId, Instant.now(), userId, email, "Ada", "Europe/Berlin", "en"),
                    userId + "#0", Instant.now().minusSeconds(60), TRACEPARENT);
            outbox.relay();

            ConsumerRecord<String, String> changed = awaitEvent(users, userId, "user.profile-changed");
            assertThat(changed.value()).contains("\"eventId\":\"" + eventId + "\"").contains(email);
            assertThat(header(changed, "ce_traceparent")).startsWith("00-" + TRACE_ID + "-");
        }
        assertThat(staged(userId)).isEmpty();
    }

    @Test
    void aChangeThatWasNeverWrittenIsHeldBackThenDroppedWithoutAWord() {
        String nobody = UUID.randomUUID().toString();
        stage(registered(nobody), nobody + "#0", Instant.now().minusSeconds(60), null);
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        // The account is at version 0: a change that would have made version 3 was never written.
        stage(new UserProfileChanged(UUID.randomUUID(), Instant.now(), userId, email, "Never", "UTC", "en"),
                userId + "#3", Instant.now().minus(Duration.ofMinutes(10)), null);

        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            outbox.relay();

            assertThat(staged(nobody)).as("still within its request's time: held").hasSize(1);
            assertThat(staged(userId)).as("long past it: dropped").isEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> eventsFor(users, nobody).isEmpty() && eventsFor(users, userId).isEmpty());
        }
        mongo.remove(Query.query(Criteria.where("key").is(nobody)), OUTBOX);
    }

    @Test
    void aChangeStillInTheMiddleOfItsRequestIsLeftToThatRequest() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        stage(new UserProfileChanged(UUID.randomUUID(), Instant.now(), userId, email, "Ada", "UTC", "en"),
                userId + "#1", Instant.now(), null);

        outbox.relay();

        assertThat(staged(userId)).hasSize(1);
        mongo.remove(Query.query(Criteria.where("key").is(userId)), OUTBOX);
    }

    @Test
    void aSignUpIsAnnouncedInTheTraceOfItsRequest() {
        String email = anEmail();
        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            http.post().uri("/api/auth/signup").header("traceparent", TRACEPARENT).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(IdentityFixtures.signUp(email, IdentityFixtures.GOOD_PASSWORD)).exchange()
                    .expectStatus().isCreated();
            String userId = signIn(http, email).get("user").get("id").asString();

            ConsumerRecord<String, String> registered = awaitEvent(users, userId, "user.registered");

            assertThat(header(registered, "ce_traceparent")).startsWith("00-" + TRACE_ID + "-");
        }
    }

    @Test
    void aTakenEmailLeavesNothingStagedThatCouldBeAnnounced() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();

        Instant before = Instant.now();
        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IdentityFixtures.signUp(email, IdentityFixtures.GOOD_PASSWORD)).exchange()
                .expectStatus().isEqualTo(409);

        List<StagedEvent> all = mongo.findAll(StagedEvent.class, OUTBOX);
        assertThat(all).noneMatch(staged -> staged.type().equals("user.registered") && !staged.stagedAt().isBefore(before));
        assertThat(staged(userId)).isEmpty();
    }

    @Test
    void anAnnouncementAGatewayBeforeTheOutboxLeftPendingIsStillMadeFromTheAccountAsItIs() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        String eventId = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", eventId).append("userId", userId).append("kind", "PROFILE_CHANGED")
                .append("stagedAt", Date.from(Instant.now().minusSeconds(60))).append("traceparent", TRACEPARENT),
                "account_announcements");

        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            legacy.moveIntoTheOutbox();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(eventId)), "account_announcements")).isFalse();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId)),
                    new org.springframework.data.mongodb.core.query.Update().set("stagedAt", Instant.now().minusSeconds(60)),
                    OUTBOX);
            outbox.relay();

            ConsumerRecord<String, String> changed = awaitEvent(users, userId, "user.profile-changed");
            assertThat(changed.value()).contains("\"eventId\":\"" + eventId + "\"").contains(email);
            assertThat(header(changed, "ce_traceparent")).startsWith("00-" + TRACE_ID + "-");
        }
    }

    private static DomainEvent registered(String userId) {
        return new UserRegistered(UUID.randomUUID(), Instant.now(), userId, userId + "@example.org", "Nobody",
                "UTC", "en", false);
    }

    private void stage(DomainEvent event, String aggregateId, Instant stagedAt, String traceparent) {
        mongo.insert(new StagedEvent(event.eventId().toString(), Topics.USERS, event.userId(), EventTypes.typeOf(event),
                aggregateId, json.writeValueAsString(event), stagedAt, traceparent), OUTBOX);
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<StagedEvent> staged(String userId) {
        return mongo.find(Query.query(Criteria.where("key").is(userId)), StagedEvent.class, OUTBOX);
    }
}
