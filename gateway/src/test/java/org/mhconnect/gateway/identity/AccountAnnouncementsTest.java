package org.mhconnect.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.gateway.identity.IdentityFixtures.anEmail;
import static org.mhconnect.gateway.identity.IdentityFixtures.awaitEvent;
import static org.mhconnect.gateway.identity.IdentityFixtures.eventsFor;
import static org.mhconnect.gateway.identity.IdentityFixtures.consumerFromNow;
import static org.mhconnect.gateway.identity.IdentityFixtures.signIn;
import static org.mhconnect.gateway.identity.IdentityFixtures.signUp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.gateway.GatewayIntegrationTest;
import org.mhconnect.gateway.identity.account.AccountAnnouncements;
import org.mhconnect.gateway.identity.account.PendingAnnouncement;
import org.mhconnect.gateway.identity.account.PendingAnnouncement.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The other services learn of every account and every profile change, even when Kafka could not be reached at the
 * moment of the change: it is staged before it is written, and announced again later when the broker never
 * acknowledged it.
 */
@GatewayIntegrationTest
class AccountAnnouncementsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    AccountAnnouncements announcements;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void signingUpAnnouncesTheAccountAndLeavesNothingStaged() {
        String email = anEmail();
        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            signUp(http, email);
            String userId = signIn(http, email).get("user").get("id").asString();

            ConsumerRecord<String, String> registered = awaitEvent(users, userId, "user.registered");

            assertThat(registered.value()).contains(email).contains("Europe/Berlin");
            assertThat(staged(userId)).isEmpty();
        }
    }

    @Test
    void aChangeWhoseEventNeverReachedKafkaIsAnnouncedLaterWithItsOwnId() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        // As the gateway leaves it when the broker is down, or when it dies after saving: staged, never unstaged.
        String eventId = UUID.randomUUID().toString();
        mongo.insert(new PendingAnnouncement(eventId, userId, Kind.PROFILE_CHANGED, Instant.now().minusSeconds(60), null)).block();

        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            announcements.announceOverdue().block(Duration.ofSeconds(30));

            ConsumerRecord<String, String> changed = awaitEvent(users, userId, "user.profile-changed");
            assertThat(changed.value()).contains("\"eventId\":\"" + eventId + "\"").contains(email);
        }
        assertThat(staged(userId)).isEmpty();
    }

    @Test
    void aStagedSignUpWhoseAccountWasNeverWrittenIsDroppedWithoutAWord() {
        String nobody = UUID.randomUUID().toString();
        mongo.insert(new PendingAnnouncement(UUID.randomUUID().toString(), nobody, Kind.REGISTERED,
                Instant.now().minusSeconds(60), null)).block();

        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            announcements.announceOverdue().block(Duration.ofSeconds(30));

            assertThat(staged(nobody)).isEmpty();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> eventsFor(users, nobody).isEmpty());
        }
    }

    @Test
    void aChangeStillInTheMiddleOfItsRequestIsLeftToThatRequest() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        PendingAnnouncement justStaged = new PendingAnnouncement(UUID.randomUUID().toString(), userId,
                Kind.PROFILE_CHANGED, Instant.now(), null);
        mongo.insert(justStaged).block();

        announcements.announceOverdue().block(Duration.ofSeconds(30));

        assertThat(staged(userId)).extracting(PendingAnnouncement::id).containsExactly(justStaged.id());
        mongo.remove(justStaged).block();
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
    void aChangeAnnouncedLaterKeepsTheTraceOfTheRequestThatMadeIt() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();
        mongo.insert(new PendingAnnouncement(UUID.randomUUID().toString(), userId, Kind.PROFILE_CHANGED,
                Instant.now().minusSeconds(60), TRACEPARENT)).block();

        try (KafkaConsumer<String, String> users = consumerFromNow(Topics.USERS)) {
            announcements.announceOverdue().block(Duration.ofSeconds(30));

            ConsumerRecord<String, String> changed = awaitEvent(users, userId, "user.profile-changed");
            assertThat(header(changed, "ce_traceparent")).startsWith("00-" + TRACE_ID + "-");
        }
    }

    @Test
    void aTakenEmailStagesNothingThatCouldBeAnnounced() {
        String email = anEmail();
        signUp(http, email);
        String userId = signIn(http, email).get("user").get("id").asString();

        Instant before = Instant.now();
        http.post().uri("/api/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(IdentityFixtures.signUp(email, IdentityFixtures.GOOD_PASSWORD)).exchange()
                .expectStatus().isEqualTo(409);

        List<PendingAnnouncement> all = mongo.findAll(PendingAnnouncement.class).collectList().block();
        assertThat(all).noneMatch(pending -> pending.kind() == Kind.REGISTERED && !pending.stagedAt().isBefore(before));
        assertThat(staged(userId)).isEmpty();
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<PendingAnnouncement> staged(String userId) {
        return mongo.find(Query.query(Criteria.where("userId").is(userId)), PendingAnnouncement.class).collectList().block();
    }
}
