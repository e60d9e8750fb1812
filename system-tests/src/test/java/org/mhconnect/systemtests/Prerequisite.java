package org.mhconnect.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from the machine rather than from Maven, such as Debian's chromium. Outside CI a missing
 * one skips the test, and the build says so once, in one line that says how to get it; in CI (where {@code CI} is
 * set, and {@code .ci/run} installs everything) a missing one fails the test.
 *
 * @param problem what is wrong when it is missing, such as "chromium is not installed at /usr/bin/chromium"
 * @param present whether it is there
 * @param remedy what to do about it, such as "install it with: sudo apt-get install chromium"
 */
record Prerequisite(String problem, boolean present, String remedy) {

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    static final Prerequisite CHROMIUM = program("chromium", WebBrowser.CHROMIUM,
            "sudo apt-get install chromium (or set MHC_CHROMIUM to a Chromium binary)");

    static final Prerequisite DOCKER_COMPOSE = program("docker-compose", Path.of("/usr/bin/docker-compose"),
            "sudo apt-get install docker-compose");

    /** util-linux's {@code script}, which runs a command in a pseudo-terminal. */
    static final Prerequisite SCRIPT = program("script", Path.of("/usr/bin/script"), "sudo apt-get install bsdutils");

    static Prerequisite program(String name, Path path, String install) {
        return new Prerequisite(name + " is not installed at " + path, Files.isExecutable(path),
                "install it with: " + install);
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * Returns when the prerequisite is there; otherwise skips the tests (outside CI) or fails them (in CI).
     *
     * @param tests which tests need it, for the line that says they were skipped
     */
    void requireFor(String tests) {
        if (present) {
            return;
        }
        String reason = problem + "; " + remedy;
        if (inCi()) {
            throw new AssertionError(tests + " need what is missing here: " + reason
                    + ". In CI nothing may be skipped; .ci/run installs it.");
        }
        if (ANNOUNCED.add(tests + reason)) {
            System.out.println("SKIPPED " + tests + ": " + reason);
        }
        Assumptions.abort(reason);
    }
}
