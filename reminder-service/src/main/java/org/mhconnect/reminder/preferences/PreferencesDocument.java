package org.mhconnect.reminder.preferences;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a person wants to be reminded ({@code _id} = user id). Made on {@code user.registered} with the account's
 * e-mail and time zone, and no reminders.
 *
 * @param email        the account address, kept current from {@code user.profile-changed}
 * @param timeZone     the zone quiet hours and "paused until" are read in
 * @param quietHours   null when there are none
 * @param pausedUntil  a local date ({@code 2026-12-27}): nothing is sent before it starts; null when not paused
 * @param emailEnabled false after a one-click unsubscribe; reminders then skip the e-mail channel
 * @param emailVerified false while the sign-up address waits for confirmation: nothing is e-mailed to it until
 *                     {@code user.email-verified}. Null (preferences from before confirmation existed) counts as
 *                     verified; read it through {@link #emailConfirmed()}
 * @param webhook      null when none is set up
 */
@Document("preferences")
public record PreferencesDocument(
        @Id String userId,
        String email,
        String timeZone,
        QuietHours quietHours,
        String pausedUntil,
        boolean emailEnabled,
        boolean weeklyDigest,
        Webhook webhook,
        @Version Long version,
        Boolean emailVerified) {

    /** Whether mail may go to the address: true unless the sign-up said it is not confirmed yet. */
    public boolean emailConfirmed() {
        return !Boolean.FALSE.equals(emailVerified);
    }

    /**
     * A local window such as 22:00 to 07:00 (it may cross midnight).
     *
     * @param mode {@code DELAY}: a reminder inside it waits for its end; {@code SKIP}: it is skipped
     */
    public record QuietHours(String start, String end, Mode mode) {

        public enum Mode {
            DELAY,
            SKIP
        }
    }

    /**
     * @param secrets        the signing secrets, newest first; during a rotation the previous one signs too
     * @param disabledReason why it stopped (the receiver answered 410 Gone); null while it works
     */
    public record Webhook(String url, List<String> secrets, String disabledReason) {

        public boolean active() {
            return disabledReason == null;
        }
    }

    static PreferencesDocument initial(String userId, String email, String timeZone, Boolean emailVerified) {
        return new PreferencesDocument(userId, email, timeZone, null, null, true, false, null, null, emailVerified);
    }
}
