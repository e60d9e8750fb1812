package org.mhconnect.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A command run in a pseudo-terminal, as a person runs it in theirs: util-linux's {@code script} gives it one, what
 * is typed here reaches it through the terminal (so Ctrl-C is a SIGINT to its foreground process group), and every
 * piece of output is kept with the moment it arrived, to tell how long the command was silent.
 */
final class PseudoTerminal implements AutoCloseable {

    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\r");

    /** One piece of output, as the terminal delivered it. */
    record Output(Instant at, String text) {
    }

    private final Process process;
    private final OutputStream keyboard;
    private final List<Output> output = new ArrayList<>();
    private final Thread reader;
    private final Path transcript;

    private PseudoTerminal(Process process, Path transcript) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        this.transcript = transcript;
        this.reader = Thread.ofPlatform().name("pty-reader").daemon().start(this::read);
    }

    /** Runs a bash command line in {@code directory}, with these variables added to the environment. */
    static PseudoTerminal run(Path directory, String commandLine, Map<String, String> environment,
            Path transcript) throws IOException {
        // Ctrl-C must reach the command as it does in a person's terminal: a build started in the background by a
        // shell without job control ignores SIGINT, and that would pass on to run.sh, whose trap could then never run.
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT,QUIT", "script", "--quiet", "--flush",
                "--return", "--command", commandLine, "/dev/null").directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("TERM", "xterm");
        Files.createDirectories(transcript.getParent());
        return new PseudoTerminal(builder.start(), transcript);
    }

    private void read() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int count; (count = in.read(buffer)) >= 0; ) {
                Output piece = new Output(Instant.now(), new String(buffer, 0, count, StandardCharsets.UTF_8));
                synchronized (output) {
                    output.add(piece);
                }
                Files.writeString(transcript, piece.text(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        catch (IOException ended) {
            // The process is gone; what it printed is kept.
        }
    }

    /** Everything shown so far, without colours and carriage returns. */
    String screen() {
        StringBuilder text = new StringBuilder();
        synchronized (output) {
            output.forEach(piece -> text.append(piece.text()));
        }
        return ESCAPES.matcher(text).replaceAll("");
    }

    /** Waits until the screen shows {@code text}, or the command ends without it. */
    Instant awaitShown(String text, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> screen().contains(text) || !process.isAlive());
        if (!screen().contains(text)) {
            throw new AssertionError("the command ended without showing \"" + text + "\":\n" + screen());
        }
        return Instant.now();
    }

    void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Ctrl-C: the terminal turns it into a SIGINT for the foreground process group. */
    Instant pressCtrlC() throws IOException {
        type("\u0003");
        return Instant.now();
    }

    /** Waits for the command to end and returns its exit code. */
    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the command did not end within " + atMost + ":\n" + screen());
        }
        reader.join(Duration.ofSeconds(5));
        return process.exitValue();
    }

    /** The longest stretch between {@code from} and {@code to} in which nothing new was shown. */
    Duration longestSilence(Instant from, Instant to) {
        Instant last = from;
        Duration longest = Duration.ZERO;
        synchronized (output) {
            for (Output piece : output) {
                if (piece.at().isAfter(from) && !piece.at().isAfter(to)) {
                    longest = max(longest, Duration.between(last, piece.at()));
                    last = piece.at();
                }
            }
        }
        return max(longest, Duration.between(last, to));
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /** Ends whatever is left of the command and everything it started, so that no test leaves a process behind. */
    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            keyboard.close();
        }
        catch (IOException alreadyGone) {
            // The terminal closed with the process.
        }
    }
}
