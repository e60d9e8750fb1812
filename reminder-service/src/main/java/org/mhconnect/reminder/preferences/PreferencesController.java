package org.mhconnect.reminder.preferences;

import org.mhconnect.problems.text.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own reminder preferences. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    ResponseEntity<PreferencesView> get(Authentication caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PreferencesView.of(preferences.of(caller.getName())));
    }

    /** Everything a person can set here, with the version read; the e-mail address comes from the account. */
    record PreferencesRequest(@NotBlank @Size(max = 64) @SingleLine String timeZone, @Valid QuietHoursRequest quietHours,
            @Size(max = 10) String pausedUntil, @NotNull Boolean emailEnabled, @NotNull Boolean weeklyDigest,
            @NotNull @Min(0) Long version) {
    }

    /** @param mode {@code delay} or {@code skip} */
    record QuietHoursRequest(@NotBlank @Size(max = 5) String start, @NotBlank @Size(max = 5) String end,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "delay|skip", message = "must be delay or skip") String mode) {
    }

    @PutMapping
    ResponseEntity<PreferencesView> put(Authentication caller, @Valid @RequestBody PreferencesRequest request) {
        PreferencesDocument.QuietHours quiet = request.quietHours() == null ? null
                : new PreferencesDocument.QuietHours(request.quietHours().start(), request.quietHours().end(),
                        PreferencesDocument.QuietHours.Mode.valueOf(request.quietHours().mode().toUpperCase(java.util.Locale.ROOT)));
        PreferencesDocument changed = preferences.change(caller.getName(), new Preferences.Change(request.timeZone(), quiet,
                request.pausedUntil(), request.emailEnabled(), request.weeklyDigest(), request.version()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(PreferencesView.of(changed));
    }

    /**
     * @param email         where e-mail reminders go (the account's address; change it on the account)
     * @param emailVerified false while that address waits for confirmation: nothing is e-mailed until then
     * @param webhook       the endpoint, never its secret
     */
    record PreferencesView(String email, boolean emailVerified, String timeZone, QuietHoursRequest quietHours,
            String pausedUntil, boolean emailEnabled, boolean weeklyDigest, WebhookView webhook, long version) {

        static PreferencesView of(PreferencesDocument prefs) {
            return new PreferencesView(prefs.email(), prefs.emailConfirmed(), prefs.timeZone(),
                    prefs.quietHours() == null ? null : new QuietHoursRequest(prefs.quietHours().start(), prefs.quietHours().end(),
                            prefs.quietHours().mode().name().toLowerCase(java.util.Locale.ROOT)),
                    prefs.pausedUntil(), prefs.emailEnabled(), prefs.weeklyDigest(),
                    prefs.webhook() == null ? null : new WebhookView(prefs.webhook().url(), prefs.webhook().active(),
                            prefs.webhook().disabledReason()),
                    prefs.version() == null ? 0 : prefs.version());
        }
    }

    record WebhookView(String url, boolean active, String disabledReason) {
    }
}
