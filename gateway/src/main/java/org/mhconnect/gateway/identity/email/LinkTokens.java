package org.mhconnect.gateway.identity.email;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.mhconnect.gateway.Sha256;

/**
 * The secrets in e-mailed links: 256 random bits, URL-safe, stored only as their SHA-256. Also counts how many
 * links an account was mailed in the last hour, so that nobody can fill someone's mailbox.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration WINDOW = Duration.ofHours(1);

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }

    /** The sending times within the last hour, oldest first; {@code null} counts as none. */
    public static List<Instant> sentWithinAnHour(List<Instant> sentAt, Instant now) {
        return sentAt == null ? List.of() : sentAt.stream().filter(at -> at.isAfter(now.minus(WINDOW))).sorted().toList();
    }

    /** The recent sending times with this one added. */
    public static List<Instant> plus(List<Instant> recent, Instant now) {
        List<Instant> all = new ArrayList<>(recent);
        all.add(now);
        return List.copyOf(all);
    }

    private LinkTokens() {
    }
}
