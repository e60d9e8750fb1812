package org.mhconnect.deploychecks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders an overlay of {@code deploy/k8s} with {@code kubectl kustomize}, as {@code kubectl apply -k} would before
 * sending it, and splits the output into one JSON tree per object. Each overlay is rendered once per test run.
 */
final class Kustomize {

    static final Path K8S = repositoryRoot().resolve("deploy/k8s");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();
    private static final boolean KUBECTL_FOUND = kubectlFound();
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    /** The overlays to check: every directory under deploy/k8s/overlays. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot list " + K8S.resolve("overlays"), ex);
        }
    }

    static List<JsonNode> render(String overlay) {
        requireKubectl();
        return RENDERED.computeIfAbsent(overlay, name -> parse(run(K8S.resolve("overlays").resolve(name))));
    }

    /** Outside CI, a machine without kubectl skips these tests with one line that says how to get it; CI fails. */
    private static void requireKubectl() {
        if (KUBECTL_FOUND) {
            return;
        }
        String named = System.getenv("KUBECTL");
        String missing = (named != null ? "KUBECTL names " + named + ", which is not an executable file"
                : "kubectl is not on the PATH") + "; install the package kubectl "
                + "(Kustomize 5 or later: Debian's older kubernetes-client cannot render these overlays)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            throw new AssertionError(missing + ". In CI nothing may be skipped; .ci/run installs it.");
        }
        if (!ANNOUNCED.getAndSet(true)) {
            System.out.println("SKIPPED deploy-checks: " + missing);
        }
        Assumptions.abort(missing);
    }

    private static boolean kubectlFound() {
        String named = System.getenv("KUBECTL");
        if (named != null) {
            return Files.isExecutable(Path.of(named));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
    }

    /** The objects of YAML text, one per document. */
    static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isNull() && !object.isEmpty()) {
                    objects.add(object);
                }
            }
            return objects;
        }
        catch (IOException ex) {
            throw new AssertionError("kubectl kustomize printed YAML that does not parse: " + ex.getMessage(), ex);
        }
    }

    private static String run(Path overlay) {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", overlay.toString())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + overlay + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed (exit " + process.exitValue() + "):\n"
                        + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new AssertionError("Cannot run '" + kubectl + "' (Debian package kubectl; .ci/run installs it, "
                    + "or set KUBECTL to its path): " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + overlay, ex);
        }
    }

    /** The directory holding deploy/k8s: the working directory under Maven is this module, under an IDE the root. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("deploy/k8s/base"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No deploy/k8s/base above " + dir);
    }

    private Kustomize() {
    }
}
