package org.mhconnect.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code ./run.sh} refuses to start, quickly and clearly, when it cannot succeed. */
class RunScriptTest {

    static final Path ROOT = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize();

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

            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("run.sh").toString()).redirectErrorStream(true);
            builder.environment().put("MHC_SKIP_BUILD", "1");
            Process run = builder.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isNotZero();
            assertThat(output).contains("mail viewer needs port 8025");
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
        }
    }
}
