package org.mhconnect.gateway.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, not a commonly used password, and not built from the person's own e-mail name.
 * The list of common passwords ships with the gateway ({@code common-passwords.txt}).
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The list of common passwords could not be read", ex);
        }
    }

    /** Why the password is not acceptable, in words for the person choosing it; empty when it is fine. */
    public Optional<String> problemWith(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Please choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Please choose a password of at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || password.chars().distinct().count() <= 2) {
            return Optional.of("This password is one that many people use, so it is easy to guess. Please choose another.");
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (name.length() >= 4 && lower.contains(name)) {
            return Optional.of("Please choose a password that does not contain your e-mail address.");
        }
        return Optional.empty();
    }
}
