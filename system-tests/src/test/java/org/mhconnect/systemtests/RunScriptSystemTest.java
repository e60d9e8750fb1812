package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first hour with {@code ./run.sh}, in a terminal: it starts, says it is ready, every address it
 * prints answers, Ctrl-C frees every port within seconds, and at no step is it silent for long enough to look
 * hung. The first run after a build records the start-up cache as it stops; the second is the warm start that
 * people see every day, and asks before it empties the data ({@code --reset}).
 *
 * <p>It uses run.sh's own ports (8080, 8025, 9092, 27017, …) and the jars the reactor built
 * ({@code MHC_SKIP_BUILD=1}), with a data directory of its own.
 */
// In the main lane: beside two other systems and a browser, run.sh took 238 s to be ready and fell silent for over 5 s.
class RunScriptSystemTest {

    static final Path ROOT = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize();
    static final Path TRANSCRIPTS = Path.of("target", "system-logs").toAbsolutePath();

    /** The longest run.sh may go without a word while it works. */
    static final Duration SILENT_AT_MOST = Duration.ofSeconds(5);
    static final Duration PORTS_FREE_WITHIN = Duration.ofSeconds(15);
    static final Duration READY_WITHIN = Duration.ofMinutes(5);
    /** The first stop after a build also saves the start-up cache, about a minute on two cores. */
    static final Duration FIRST_STOP_WITHIN = Duration.ofMinutes(4);

    static List<Integer> ports;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void theMachineCanRunIt() throws IOException {
        Prerequisite.SCRIPT.requireFor("the run.sh newcomer test");
        // The ports are run.sh's own, read from the script so that the two never disagree.
        ports = Pattern.compile("^[A-Z_]+_PORT=(\\d+)$", Pattern.MULTILINE)
                .matcher(Files.readString(ROOT.resolve("run.sh"))).results()
                .map(match -> Integer.parseInt(match.group(1))).toList();
        List<Integer> taken = ports.stream().filter(RunScriptSystemTest::taken).toList();
        new Prerequisite("run.sh's ports " + taken + " are in use", taken.isEmpty(),
                "stop what uses them (a ./run.sh of your own?)").requireFor("the run.sh newcomer test");
    }

    @Test
    void startsAnswersAndStopsPromptlyWithoutEverLookingHung(@TempDir Path data) throws Exception {
        assertThat(ports).hasSize(8);
        Map<String, String> environment = Map.of("MHC_SKIP_BUILD", "1", "MHC_DATA_DIR", data.toString(),
                "JAVA_HOME", Path.of(System.getProperty("java.home")).toString());

        String first = startUseAndStop("./run.sh", environment, "run-sh-first.txt", FIRST_STOP_WITHIN, null);
        // Folders directly in the data directory are 0700, so nothing below them can be reached by anyone else,
        // even where a library sets its own group bits (Kafka Streams makes its state folders 0750).
        try (var top = Files.list(data); var written = Files.walk(data)) {
            assertThat(top.toList()).as("what run.sh wrote").isNotEmpty()
                    .allSatisfy(path -> assertThat(Files.getPosixFilePermissions(path)).as(path.toString())
                            .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
            assertThat(written.toList()).allSatisfy(path -> assertThat(Files.getPosixFilePermissions(path))
                    .as(path.toString()).doesNotContain(PosixFilePermission.OTHERS_READ,
                            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
        }

        String second = startUseAndStop("./run.sh --reset", environment, "run-sh-second.txt",
                PORTS_FREE_WITHIN, "Type yes");
        assertThat(second).as("a warm start uses the cache that the first stop saved")
                .doesNotContain("Saving the start-up cache");
        assertThat(second).contains("The data in " + data + " is gone");
        if (first.contains("Saving the start-up cache")) {
            assertThat(first).contains("Saved the start-up cache");
        }
    }

    /**
     * One session: starts {@code commandLine} in a terminal (answering "yes" once {@code question} shows, when it is
     * given), checks the printed addresses, presses Ctrl-C, and returns what the screen showed.
     */
    private String startUseAndStop(String commandLine, Map<String, String> environment, String transcript,
            Duration stopWithin, String question) throws Exception {
        try (PseudoTerminal terminal = PseudoTerminal.run(ROOT, commandLine, environment,
                TRANSCRIPTS.resolve(transcript))) {
            Instant started = Instant.now();
            if (question != null) {
                terminal.awaitShown(question, Duration.ofSeconds(30));
                terminal.type("yes\n");
            }
            Instant ready = terminal.awaitShown("Mental Health Connect is ready", READY_WITHIN);
            assertThat(terminal.longestSilence(started, ready)).as("silence while starting; see " + transcript)
                    .isLessThanOrEqualTo(SILENT_AT_MOST);

            terminal.awaitShown("Press Ctrl-C", Duration.ofSeconds(5));
            String screen = terminal.screen();
            String banner = screen.substring(screen.indexOf("is ready"), screen.indexOf("Press Ctrl-C"));
            List<String> urls = Pattern.compile("http://localhost:\\d+\\S*").matcher(banner).results()
                    .map(MatchResult::group).toList();
            assertThat(urls).contains("http://localhost:8080", "http://localhost:8025");
            for (String url : urls) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(url).isEqualTo(200);
            }

            Instant interrupted = terminal.pressCtrlC();
            await().atMost(PORTS_FREE_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> ports.stream().noneMatch(RunScriptSystemTest::taken));
            System.out.printf("RUN-SH %s ready in %d s, ports free %.1f s after Ctrl-C%n", transcript,
                    Duration.between(started, ready).toSeconds(),
                    Duration.between(interrupted, Instant.now()).toMillis() / 1000.0);

            assertThat(terminal.awaitExit(stopWithin)).as("exit code after Ctrl-C").isEqualTo(130);
            Instant stopped = Instant.now();
            assertThat(terminal.longestSilence(interrupted, stopped)).as("silence while stopping; see " + transcript)
                    .isLessThanOrEqualTo(SILENT_AT_MOST);
            System.out.printf("RUN-SH %s stopped %d s after Ctrl-C%n", transcript,
                    Duration.between(interrupted, stopped).toSeconds());
            assertThat(terminal.screen()).contains("Stopped. Every port is free again.");
            return terminal.screen();
        }
    }

    static boolean taken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException free) {
            return false;
        }
    }
}
