package org.mhconnect.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every workload follows, in every overlay. Each test lists all the breaches it finds, one per line,
 * naming the Deployment and container.
 */
class OperatingRulesTest {

    /** Spring's graceful phase (spring.lifecycle.timeout-per-shutdown-phase in each service's application.yml). */
    private static final int SPRING_SHUTDOWN_PHASE_SECONDS = 20;
    private static final Pattern PINNED_IMAGE = Pattern.compile("^[^@]+(:(?!latest$)[\\w][\\w.-]*|@sha256:[0-9a-f]{64})$");

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasRequestsLimitsAndBothProbes(String overlay) {
        List<String> breaches = new ArrayList<>();
        forEachContainer(overlay, (where, pod, container) -> {
            ResourceRequirements resources = container.getResources();
            for (String kind : List.of("cpu", "memory")) {
                if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey(kind)) {
                    breaches.add(where + ": no " + kind + " request");
                }
                if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey(kind)) {
                    breaches.add(where + ": no " + kind + " limit");
                }
            }
            checkProbe(breaches, where + " liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            checkProbe(breaches, where + " readiness", container.getReadinessProbe(), "/actuator/health/readiness");
        });
        assertThat(breaches).as("containers of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerRunsAsNonRootOnAReadOnlyFilesystemWithNoCapabilities(String overlay) {
        List<String> breaches = new ArrayList<>();
        forEachContainer(overlay, (where, pod, container) -> {
            SecurityContext security = container.getSecurityContext();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            boolean nonRoot = (security != null && Boolean.TRUE.equals(security.getRunAsNonRoot()))
                    || (podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()));
            if (!nonRoot) {
                breaches.add(where + ": runAsNonRoot is not true");
            }
            if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                breaches.add(where + ": readOnlyRootFilesystem is not true");
            }
            if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                breaches.add(where + ": allowPrivilegeEscalation is not false");
            }
            if (security == null || security.getCapabilities() == null
                    || !List.of("ALL").equals(security.getCapabilities().getDrop())) {
                breaches.add(where + ": capabilities do not drop ALL");
            }
            if (podSecurity == null || podSecurity.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
                breaches.add(where + ": the pod's seccomp profile is not RuntimeDefault");
            }
            boolean tmpIsWritable = container.getVolumeMounts().stream().anyMatch(mount -> mount.getMountPath().equals("/tmp"))
                    && pod.getVolumes().stream().anyMatch(volume -> volume.getEmptyDir() != null);
            if (!tmpIsWritable) {
                breaches.add(where + ": no emptyDir mounted at /tmp (the JVM and native libraries need it)");
            }
        });
        assertThat(breaches).as("containers of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsPinnedToATagOtherThanLatestOrToADigest(String overlay) {
        List<String> breaches = new ArrayList<>();
        forEachContainer(overlay, (where, pod, container) -> {
            String image = container.getImage();
            String lastPart = image.substring(image.lastIndexOf('/') + 1);
            if (!PINNED_IMAGE.matcher(lastPart).matches()) {
                breaches.add(where + ": image '" + image + "' has no tag, or the tag 'latest'");
            }
        });
        assertThat(breaches).as("images of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerStopsGracefullyWithinItsGracePeriod(String overlay) {
        List<String> breaches = new ArrayList<>();
        forEachContainer(overlay, (where, pod, container) -> {
            if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null
                    || container.getLifecycle().getPreStop().getSleep() == null) {
                breaches.add(where + ": no preStop sleep (the pod would be stopped while still receiving traffic)");
                return;
            }
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            if (grace <= preStop + SPRING_SHUTDOWN_PHASE_SECONDS) {
                breaches.add(where + ": terminationGracePeriodSeconds " + grace + " is not above preStop " + preStop
                        + " s + Spring's " + SPRING_SHUTDOWN_PHASE_SECONDS + " s shutdown phase");
            }
        });
        assertThat(breaches).as("shutdown of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void aDisruptionBudgetSelectsEveryDeployment(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<String> unprotected = rendered.deployments().stream()
                .filter(deployment -> rendered.budgets().stream()
                        .noneMatch(budget -> Rendered.selects(budget.getSpec().getSelector(), deployment)))
                .map(deployment -> "Deployment/" + deployment.getMetadata().getName() + " has no PodDisruptionBudget")
                .toList();
        assertThat(unprotected).as("disruption budgets of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentIsScaledByExactlyOneAutoscaler(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, Long> scalers = Stream.concat(
                        rendered.autoscalers().stream().filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind()))
                                .map(hpa -> hpa.getSpec().getScaleTargetRef().getName()),
                        rendered.trees("ScaledObject").stream()
                                .filter(so -> so.at("/spec/scaleTargetRef/kind").asText("Deployment").equals("Deployment"))
                                .map(so -> so.at("/spec/scaleTargetRef/name").asText()))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        List<String> breaches = new ArrayList<>();
        for (Deployment deployment : rendered.deployments()) {
            String name = deployment.getMetadata().getName();
            long count = scalers.getOrDefault(name, 0L);
            if (count != 1) {
                breaches.add("Deployment/" + name + " is the target of " + count + " autoscalers (HPA or ScaledObject)");
            }
            if (deployment.getSpec().getReplicas() != null) {
                breaches.add("Deployment/" + name + " sets replicas, which every apply would reset under its autoscaler");
            }
        }
        Set<String> deployments = rendered.deployments().stream().map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet());
        scalers.keySet().stream().filter(name -> !deployments.contains(name))
                .forEach(name -> breaches.add("an autoscaler targets Deployment/" + name + ", which does not exist"));
        assertThat(breaches).as("autoscaling of overlays/%s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentIsSpreadOverZonesAndNodes(String overlay) {
        List<String> breaches = new ArrayList<>();
        for (Deployment deployment : Rendered.of(overlay).deployments()) {
            Set<String> keys = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().stream()
                    .filter(constraint -> Rendered.selects(constraint.getLabelSelector(), deployment))
                    .map(constraint -> constraint.getTopologyKey()).collect(Collectors.toSet());
            if (!keys.containsAll(Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"))) {
                breaches.add("Deployment/" + deployment.getMetadata().getName() + " spreads only over " + keys);
            }
        }
        assertThat(breaches).as("topology spread of overlays/%s", overlay).isEmpty();
    }

    private static void checkProbe(List<String> breaches, String where, Probe probe, String path) {
        if (probe == null || probe.getHttpGet() == null) {
            breaches.add(where + " probe: missing");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            breaches.add(where + " probe: path " + probe.getHttpGet().getPath() + ", expected " + path);
        }
        String port = probe.getHttpGet().getPort().getStrVal() != null ? probe.getHttpGet().getPort().getStrVal()
                : String.valueOf(probe.getHttpGet().getPort().getIntVal());
        if (!Set.of("management", "9090").contains(port)) {
            breaches.add(where + " probe: port " + port + ", expected the management port (9090)");
        }
    }

    private interface ContainerCheck {
        void check(String where, PodSpec pod, Container container);
    }

    private static void forEachContainer(String overlay, ContainerCheck check) {
        for (Deployment deployment : Rendered.of(overlay).deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                check.check("Deployment/" + deployment.getMetadata().getName() + " container " + container.getName(),
                        pod, container);
            }
        }
    }
}
