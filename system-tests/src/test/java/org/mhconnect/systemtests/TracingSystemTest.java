package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mhconnect.systemtests.People.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhconnect.systemtests.People.Person;

/**
 * One trace crosses HTTP and Kafka: a journal entry written through the gateway with a known W3C {@code traceparent}
 * reaches journal-service, goes out on {@code mhc.journal} (through the outbox) with {@code ce_traceparent}, and
 * reminder-service's line for that very event carries the same trace id. No collector is running: the trace id
 * reaches the logs all the same.
 */
class TracingSystemTest {

    static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.shared();
    }

    @Test
    void theTraceOfAJournalRequestReachesReminderServicesLogForTheEventItCaused() throws Exception {
        Person ada = People.signUpAndSignIn(system.gateway());
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(bytes(random, 16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(bytes(random, 8)) + "-01";

        HttpResponse<String> created = People.HTTP.send(HttpRequest.newBuilder(
                        URI.create(system.gateway() + "/api/journal/entries")).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ada.accessToken())
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"body\":\"A quiet walk helped.\",\"mood\":4,\"timeZone\":\"Europe/Berlin\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String entryId = JSON.readTree(created.body()).get("id").asString();

        await("reminder-service logs the entry's event in the request's trace").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(linesOf("reminder-service"))
                        .filteredOn(line -> line.contains("entry " + entryId))
                        // A redelivered event (at least once) is logged again, in the same trace.
                        .isNotEmpty().allSatisfy(line -> assertThat(line).contains(traceId)));
        assertThat(linesOf("reminder-service")).noneMatch(line -> line.contains("A quiet walk"));
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** RunningSystem appends each process's output to target/system-logs/<name>.log. */
    private static List<String> linesOf(String service) {
        try {
            return Files.readAllLines(Path.of("target", "system-logs", service + ".log"), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
