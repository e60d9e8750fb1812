package org.mhconnect.reminder.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhconnect.events.Topics;
import org.mhconnect.events.user.UserEmailVerified;
import org.mhconnect.events.user.UserProfileChanged;
import org.mhconnect.events.user.UserRegistered;
import org.mhconnect.kafkaevents.EventPublisher;
import org.mhconnect.reminder.ApiCalls;
import org.mhconnect.reminder.ReminderIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Whether a person's address is confirmed, as the preferences show it ({@code emailVerified}), from the account
 * events on {@code mhc.users}: a new sign-up waits for {@code user.email-verified}; accounts from before confirmation
 * existed count as confirmed; a confirmation of another address changes nothing; one read before the registration
 * is not lost; a new address from the profile is confirmed (it changes only through the confirmation link).
 */
@ReminderIntegrationTest
class EmailConfirmationTest {

    @Autowired
    RestTestClient http;

    @Autowired
    EventPublisher events;

    ApiCalls api;
    String person;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(http);
        person = ApiCalls.newPerson();
    }

    @Test
    void aNewSignUpWaitsForItsConfirmation() {
        publish(new UserRegistered(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada", "Europe/Berlin", "en", false));
        await().atMost(Duration.ofSeconds(15)).until(() -> email("a").equals(api.preferences(person).get("email")));
        assertThat(api.preferences(person)).containsEntry("emailVerified", false);

        publish(new UserEmailVerified(UUID.randomUUID(), Instant.now(), person, email("a")));

        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(api.preferences(person).get("emailVerified")));
    }

    @Test
    void anAccountFromBeforeConfirmationExistedCountsAsConfirmed() {
        publish(new UserRegistered(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada", "Europe/Berlin", "en"));

        await().atMost(Duration.ofSeconds(15)).until(() -> email("a").equals(api.preferences(person).get("email")));
        assertThat(api.preferences(person)).containsEntry("emailVerified", true);
    }

    @Test
    void aConfirmationOfAnotherAddressOrAProfileChangeKeepingTheAddressLeavesItWaiting() {
        publish(new UserRegistered(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada", "Europe/Berlin", "en", false));
        publish(new UserEmailVerified(UUID.randomUUID(), Instant.now(), person, email("old")));
        publish(new UserProfileChanged(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada L.", "Europe/Berlin", "en"));

        // Events with one key are read in order: once the profile change is in, the confirmation was read before it.
        await().atMost(Duration.ofSeconds(15)).until(() -> Integer.valueOf(1).equals(api.preferences(person).get("version")));
        assertThat(api.preferences(person)).containsEntry("email", email("a")).containsEntry("emailVerified", false);
    }

    @Test
    void aNewAddressFromTheProfileIsConfirmed() {
        publish(new UserRegistered(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada", "Europe/Berlin", "en", false));
        publish(new UserProfileChanged(UUID.randomUUID(), Instant.now(), person, email("b"), "Ada", "Europe/Berlin", "en"));

        await().atMost(Duration.ofSeconds(15)).until(() -> email("b").equals(api.preferences(person).get("email")));
        assertThat(api.preferences(person)).containsEntry("emailVerified", true);
    }

    @Test
    void aConfirmationReadBeforeThePreferencesExistIsKeptWhenTheRegistrationFollows() {
        publish(new UserEmailVerified(UUID.randomUUID(), Instant.now(), person, email("a")));
        publish(new UserRegistered(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada", "Europe/Berlin", "en", false));

        await().atMost(Duration.ofSeconds(15)).until(() -> "Europe/Berlin".equals(api.preferences(person).get("timeZone")));
        assertThat(api.preferences(person)).containsEntry("email", email("a")).containsEntry("emailVerified", true);
    }

    @Test
    void aConfirmationReadAfterDefaultsWereMadeGivesThemTheAddress() {
        Map<String, Object> defaults = api.preferences(person); // the app asked before any account event arrived
        assertThat(defaults).containsEntry("email", null);

        publish(new UserEmailVerified(UUID.randomUUID(), Instant.now(), person, email("a")));
        publish(new UserRegistered(UUID.randomUUID(), Instant.now(), person, email("a"), "Ada", "Europe/Berlin", "en", false));

        await().atMost(Duration.ofSeconds(15)).until(() -> "Europe/Berlin".equals(api.preferences(person).get("timeZone")));
        assertThat(api.preferences(person)).containsEntry("email", email("a")).containsEntry("emailVerified", true);
    }

    private void publish(org.mhconnect.events.DomainEvent event) {
        events.publish(Topics.USERS, event);
    }

    private String email(String which) {
        return which + "-" + person + "@example.org";
    }
}
