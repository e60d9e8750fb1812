package org.mhconnect.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own checker, run as a process: Debian's {@code prometheus} package installs it as
 * {@code /usr/bin/promtool}. Outside CI a missing promtool skips the checks with one line that says how to get it;
 * in CI (where {@code CI} is set and {@code .ci/run} installs it) it fails them.
 */
final class Promtool {

    static final Path ROOT = Path.of(System.getProperty("mhc.root", "..")).toAbsolutePath().normalize();
    static final Path OBSERVABILITY = ROOT.resolve("deploy/observability");

    private static final Path BINARY = Path.of(System.getenv().getOrDefault("MHC_PROMTOOL", "/usr/bin/promtool"));

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    private Promtool() {
    }

    /** What promtool answered: its exit code and everything it printed. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code promtool <arguments>} in {@code deploy/observability} and returns its answer. */
    static Result run(String... arguments) throws IOException, InterruptedException {
        requireInstalled();
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(OBSERVABILITY.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", arguments) + " did not finish in 60 s:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static void requireInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String reason = "promtool is not installed at " + BINARY
                + "; install it with: sudo apt-get install --no-install-recommends prometheus (or set MHC_PROMTOOL)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            throw new AssertionError("The alert rules' checks need what is missing here: " + reason
                    + ". In CI nothing may be skipped; .ci/run installs it.");
        }
        if (ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("SKIPPED the alert rules' and dashboards' promtool checks: " + reason);
        }
        Assumptions.abort(reason);
    }
}
