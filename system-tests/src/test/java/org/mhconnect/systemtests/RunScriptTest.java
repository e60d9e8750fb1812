package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run.sh} refuses to start, quickly and clearly, when it cannot succeed; explains itself with
 * {@code --help}; and never empties the data without being told. {@link RunScriptSystemTest} runs it for real.
 */
class RunScriptTest {

    static final Path ROOT = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize();

    record Finished(int exitCode, String output) {
    }

    @Test
    void failsFastNamingThePortThatIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.setReuseAddress(true);
            try {
                squatter.bind(new InetSocketAddress("127.0.0.1", 8025));
            }
            catch (BindException alreadyTaken) {
                // Something (a running ./run.sh, say) holds the port already; run.sh must say so just the same.
            }
            Instant started = Instant.now();

            Finished run = runScript(Map.of("MHC_SKIP_BUILD", "1"));

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).contains("mail viewer needs port 8025");
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void helpNamesEveryVariableItReadsAndTheServicesSettingsPeopleAskFor() throws Exception {
        List<String> readByTheScript = Pattern.compile("\\$\\{(MHC_[A-Z_]+)")
                .matcher(Files.readString(ROOT.resolve("run.sh"))).results().map(match -> match.group(1))
                .distinct().toList();

        Finished help = runScript(Map.of(), "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(readByTheScript).contains("MHC_DATA_DIR", "MHC_JAVA_OPTS");
        assertThat(help.output()).contains(readByTheScript).contains("MHC_GATEWAY_IDENTITY_BOOTSTRAPADMINS",
                "MHC_GATEWAY_RATELIMITS_SIGNINPERMINUTE", "MHC_GATEWAY_RATELIMITS_APIPERMINUTE", "--reset");
    }

    @Test
    void resetWithoutATerminalDeletesNothingUnlessToldYes(@TempDir Path data) throws Exception {
        Path entries = Files.createDirectories(data.resolve("devstack")).resolve("entries");
        Files.writeString(entries, "a journal entry");

        Finished reset = runScript(Map.of("MHC_SKIP_BUILD", "1", "MHC_DATA_DIR", data.toString()), "--reset");

        assertThat(reset.exitCode()).isNotZero();
        assertThat(reset.output()).contains("--yes");
        assertThat(entries).exists();
    }

    @Test
    void anUnknownOptionPointsToTheHelp() throws Exception {
        Finished run = runScript(Map.of(), "--rest");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("--rest", "./run.sh --help");
    }

    /** Runs run.sh without a terminal (standard input is a pipe), waiting at most a minute. */
    static Finished runScript(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("run.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Finished(run.exitValue(), output);
    }
}
