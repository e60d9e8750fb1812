package org.mhconnect.gateway.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mhconnect.problems.text.SingleLine;
import org.mhconnect.timezones.TimeZoneId;
import org.mhconnect.timezones.TimeZones;

/** The bodies the identity endpoints accept. Unknown fields are refused, so nobody can send a role or an id. */
final class AuthRequests {

    static final String LOCALE = "[a-z]{2,3}(-[A-Z]{2})?";

    record SignUp(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 60) @SingleLine String displayName,
            @NotBlank @TimeZoneId String timeZone,
            @NotBlank @Pattern(regexp = LOCALE, message = "must be a language tag such as en or de-AT") String locale) {

        /** A legacy zone name is stored under its current one ("Europe/Kiev" as "Europe/Kyiv"). */
        SignUp {
            timeZone = TimeZones.currentNameOrAsGiven(timeZone);
        }
    }

    record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record Refresh(@Size(max = 200) String refreshToken) {
    }

    record ProfileChange(
            @Size(min = 1, max = 60) @SingleLine String displayName,
            @TimeZoneId String timeZone,
            @Pattern(regexp = LOCALE, message = "must be a language tag such as en or de-AT") String locale) {

        ProfileChange {
            timeZone = TimeZones.currentNameOrAsGiven(timeZone);
        }
    }

    record EmailChangeRequest(@NotBlank @Email @Size(max = 254) String newEmail,
            @NotBlank @Size(max = 128) String currentPassword) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword, @NotBlank @Size(max = 128) String newPassword) {
    }

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record PasswordResetConfirmation(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 128) String newPassword) {
    }

    record EmailVerificationConfirmation(@NotBlank @Size(max = 100) String token) {
    }

    private AuthRequests() {
    }
}
