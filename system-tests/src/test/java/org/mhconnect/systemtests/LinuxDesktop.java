package org.mhconnect.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small Linux desktop on a virtual screen, for the README's pictures of the app as people meet it outside a browser
 * tab: Xvfb draws the screen, openbox gives windows their title bars, dunst shows desktop notifications (chromium
 * hands them over D-Bus, as on any Linux desktop), and chromium runs the web app as an installed app does, in a window
 * of its own without the browser's toolbar ({@code --app}). Playwright drives that chromium over its DevTools port,
 * and {@link #capture} takes the whole screen with ImageMagick's {@code import}.
 *
 * <p>Nothing here is part of the test run: only {@code ScreenshotsSystemTest}, when asked for pictures, uses it.
 */
final class LinuxDesktop implements AutoCloseable {

    /** The Debian packages it needs, as one install line. */
    static final String PACKAGES = "xvfb openbox dunst dbus-x11 imagemagick x11-xserver-utils";
    static final List<Path> PROGRAMS = List.of(Path.of("/usr/bin/Xvfb"), Path.of("/usr/bin/openbox"),
            Path.of("/usr/bin/dunst"), Path.of("/usr/bin/dbus-daemon"), Path.of("/usr/bin/import"),
            Path.of("/usr/bin/xsetroot"));

    /** Desktop notifications in the app's colours, kept on screen until the picture is taken. */
    private static final String NOTIFICATIONS = """
            [global]
                width = 400
                height = 180
                origin = top-right
                offset = 24x24
                font = DejaVu Sans 11
                frame_width = 1
                frame_color = "#9bb3a4"
                corner_radius = 10
                padding = 14
                horizontal_padding = 16
                show_indicators = no
                format = "<small>%a</small>\\n<b>%s</b>\\n%b"
                icon_position = left
                max_icon_size = 56
                markup = full
            [urgency_normal]
                background = "#ffffff"
                foreground = "#1f2a24"
                timeout = 0
            """;

    final int width;
    final int height;
    final int devToolsPort;
    private final String display;
    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> environment;

    private LinuxDesktop(int width, int height, String appUrl, int windowWidth, int windowHeight) throws Exception {
        this.width = width;
        this.height = height;
        home = Files.createTempDirectory("mhc-desktop-");
        display = ":" + freeDisplay();
        start(List.of("Xvfb", display, "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp"), Map.of());
        Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
        waitFor(() -> Files.exists(socket), "the virtual screen " + display);

        Process bus = start(List.of("dbus-daemon", "--session", "--nofork", "--print-address=1"), Map.of());
        String address = new String(bus.getInputStream().readNBytes(200)).lines().findFirst().orElseThrow().trim();
        environment = Map.of("DISPLAY", display, "DBUS_SESSION_BUS_ADDRESS", address, "HOME", home.toString(),
                "TZ", WebBrowser.ZONE);

        start(List.of("openbox"), environment);
        Thread.sleep(500);
        run(List.of("xsetroot", "-solid", "#d7e0da"));
        Path notifications = home.resolve("dunstrc");
        Files.writeString(notifications, NOTIFICATIONS);
        start(List.of("dunst", "-config", notifications.toString()), environment);

        devToolsPort = freePort();
        start(List.of(WebBrowser.CHROMIUM.toString(), "--no-sandbox", "--test-type", "--no-first-run",
                "--no-default-browser-check", "--disable-gpu", "--password-store=basic", "--lang=en-GB",
                "--user-data-dir=" + home.resolve("chromium"), "--remote-debugging-port=" + devToolsPort,
                "--window-position=48,40", "--window-size=" + windowWidth + "," + windowHeight, "--app=" + appUrl),
                environment);
    }

    /** A desktop of {@code width} x {@code height} with the app at {@code appUrl} in a window of the size given. */
    static LinuxDesktop withApp(int width, int height, String appUrl, int windowWidth, int windowHeight) throws Exception {
        return new LinuxDesktop(width, height, appUrl, windowWidth, windowHeight);
    }

    /** The address Playwright connects to ({@code connectOverCDP}). */
    String devTools() throws Exception {
        String url = "http://127.0.0.1:" + devToolsPort;
        waitFor(() -> {
            try (var socket = new java.net.Socket("127.0.0.1", devToolsPort)) {
                return socket.isConnected();
            }
            catch (IOException notYet) {
                return false;
            }
        }, "chromium's DevTools port");
        return url;
    }

    /** The whole screen, as a PNG. */
    void capture(Path file) throws Exception {
        run(List.of("import", "-display", display, "-window", "root", file.toString()));
    }

    private Process start(List<String> command, Map<String, String> extra) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(extra);
        if (!command.getFirst().equals("dbus-daemon")) {
            builder.redirectOutput(home.resolve(Path.of(command.getFirst()).getFileName() + ".log").toFile());
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes.reversed()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freeDisplay() {
        for (int number = 90; number < 190; number++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + number)) && !Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                return number;
            }
        }
        throw new IllegalStateException("no free X display between :90 and :189");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String what) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException(what + " did not come up within 20 s");
            }
            Thread.sleep(100);
        }
    }
}
