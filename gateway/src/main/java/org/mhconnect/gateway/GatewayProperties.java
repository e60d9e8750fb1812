package org.mhconnect.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's settings, under {@code mhc.gateway}. The routes in {@code application.yml} read the service
 * addresses from here, so {@code MHC_GATEWAY_SERVICES_CONTENT} and friends move a service.
 *
 * @param services   where each service answers
 * @param identity   how people sign in and how their tokens are made
 * @param rateLimits how many requests the edge accepts
 * @param maxBodySize the largest request body accepted; larger ones answer 413
 * @param maxImportSize the largest body of {@code POST /api/journal/import}, a whole journal exported as JSON
 * @param deletion   which services must confirm an account's erasure
 * @param topics     how the topics the gateway owns are created
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway, whose
 *                   {@code X-Forwarded-For} is believed; none by default
 * @param outbox     the account events' outbox
 */
@Validated
@ConfigurationProperties("mhc.gateway")
public record GatewayProperties(@DefaultValue Services services, @DefaultValue Identity identity,
        @DefaultValue RateLimits rateLimits, @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("64MB") DataSize maxImportSize, @DefaultValue Deletion deletion, @DefaultValue Topics topics,
        @DefaultValue List<String> trustedProxies, @DefaultValue Outbox outbox) {

    /** The base address of each service; {@code application.yml} holds the defaults. */
    public record Services(@NotNull URI content, @NotNull URI journal, @NotNull URI reminder) {
    }

    /**
     * @param issuer          the {@code iss} of every access token, and the base of the JWKS address
     * @param audience        the {@code aud} the services expect
     * @param accessTokenTtl  at most 15 minutes
     * @param refreshTokenTtl how long a session lasts without being used
     * @param secureCookies   whether cookies carry {@code Secure}; browsers honour it on http://localhost too
     * @param mailFrom        the sender of account e-mails
     * @param emailChangeTtl  how long a link to confirm a new e-mail address works
     * @param passwordResetTtl how long a link to choose a new password works
     * @param emailVerificationTtl how long the link that confirms the address of a new account works
     * @param linkMailsPerHour how many password-reset or verification mails one account is sent in an hour, at most
     * @param keyEncryptionKey Base64 of 32 random bytes that seal the private signing keys in MongoDB, from a secret
     *                        store or the environment ({@code MHC_GATEWAY_IDENTITY_KEYENCRYPTIONKEY})
     * @param keyEncryptionKeyFile without {@code keyEncryptionKey}: the file a key is generated into once (0600)
     */
    public record Identity(@NotBlank @DefaultValue("http://localhost:8080") String issuer,
            @NotBlank @DefaultValue("mhc-api") String audience,
            @DefaultValue("10m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl,
            @DefaultValue("true") boolean secureCookies,
            @DefaultValue("Mental Health Connect <hello@mental-health-connect.local>") String mailFrom,
            @DefaultValue("24h") Duration emailChangeTtl,
            @DefaultValue("30m") Duration passwordResetTtl,
            @DefaultValue("7d") Duration emailVerificationTtl,
            @DefaultValue("3") @Min(1) int linkMailsPerHour,
            @DefaultValue List<String> bootstrapAdmins,
            String keyEncryptionKey,
            @DefaultValue(".data/gateway/key-encryption-key.properties") Path keyEncryptionKeyFile) {

        /** Whether an account with this e-mail is made ADMIN and EDITOR when it signs up. */
        public boolean isBootstrapAdmin(String email) {
            return bootstrapAdmins.stream().anyMatch(admin -> admin.strip().equalsIgnoreCase(email.strip()));
        }
    }

    /**
     * @param services        every service that holds personal data and must confirm its erasure
     * @param reannounceAfter how long to wait for confirmations before asking again
     */
    public record Deletion(
            @DefaultValue({"content-service", "journal-service", "reminder-service"}) List<String> services,
            @DefaultValue("1m") Duration reannounceAfter) {
    }

    /**
     * The account events' outbox ({@code account_outbox}, the shared {@code outbox} module).
     *
     * @param relayAfter   how old a staged account event must be before the relay takes it over from its request
     * @param abandonAfter how long the relay waits for the account change to be written before dropping its event
     * @param relayEvery   how often the relay looks
     */
    public record Outbox(@DefaultValue("30s") Duration relayAfter, @DefaultValue("5m") Duration abandonAfter,
            @DefaultValue("15s") Duration relayEvery) {
    }

    /** Partition and replica counts for the topics the gateway owns. */
    public record Topics(@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) @Max(5) short replicas) {
    }

    /**
     * Token buckets, refilled continuously.
     *
     * @param signInPerMinute per client address, for sign-in, sign-up and refresh
     * @param apiPerMinute    per person (or per address before sign-in), for everything else
     * @param store           {@code memory} (one gateway) or {@code redis} (buckets shared by every instance)
     */
    public record RateLimits(@DefaultValue("10") @Min(1) int signInPerMinute, @DefaultValue("300") @Min(1) int apiPerMinute,
            @DefaultValue("memory") Store store) {

        /** Where the buckets live. */
        public enum Store {
            MEMORY,
            REDIS
        }
    }
}
