package org.mhconnect.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach whom, read from the rendered NetworkPolicies: everything is denied unless allowed, only the
 * gateway reaches the services (plus the two calls between services that exist), only the services reach Kafka
 * and MongoDB, and only the monitoring namespace reaches the management ports.
 */
class NetworkPoliciesTest {

    private static final String NAME = "app.kubernetes.io/name";
    private static final String GATEWAY = "pod " + NAME + "=gateway";

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everythingIsDeniedUnlessAllowedAndEveryPodMayResolveNames(String overlay) {
        List<NetworkPolicy> policies = Rendered.of(overlay).all(NetworkPolicy.class);
        assertThat(policies).as("a default-deny policy in overlays/%s", overlay).anySatisfy(policy -> {
            assertThat(selectsAll(policy.getSpec().getPodSelector())).isTrue();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
        });
        assertThat(policies).as("DNS egress for every pod in overlays/%s", overlay).anySatisfy(policy -> {
            assertThat(selectsAll(policy.getSpec().getPodSelector())).isTrue();
            assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getPorts())
                    .anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayReachesTheServicesBesideTheCallsTheyMakeToEachOther(String overlay) {
        List<NetworkPolicy> policies = Rendered.of(overlay).all(NetworkPolicy.class);
        assertThat(reachers(policies, service("journal-service"), 8080)).as("who reaches journal-service")
                .containsExactly(GATEWAY);
        assertThat(reachers(policies, service("reminder-service"), 8080)).as("who reaches reminder-service")
                .containsExactly(GATEWAY);
        // journal-service shows support content beside a crisis answer.
        assertThat(reachers(policies, service("content-service"), 8080)).as("who reaches content-service")
                .containsExactlyInAnyOrder(GATEWAY, "pod " + NAME + "=journal-service");
        // The services read the gateway's public keys (JWKS); people come through the ingress controller.
        assertThat(reachers(policies, service("gateway"), 8080)).as("who reaches the gateway")
                .containsExactlyInAnyOrder("namespace ingress-nginx", "pod " + NAME + "=content-service",
                        "pod " + NAME + "=journal-service", "pod " + NAME + "=reminder-service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheMonitoringNamespaceReachesTheManagementPorts(String overlay) {
        List<NetworkPolicy> policies = Rendered.of(overlay).all(NetworkPolicy.class);
        for (String service : List.of("gateway", "content-service", "journal-service", "reminder-service")) {
            assertThat(reachers(policies, service(service), 9090)).as("who reaches %s's management port", service)
                    .containsExactly("namespace monitoring");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheServicesReachKafkaAndMongoDb(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        String services = "pod app.kubernetes.io/part-of=mental-health-connect";
        assertThat(reachers(rendered.all(NetworkPolicy.class), Map.of("app", "mhc-mongodb-svc"), 27017))
                .as("who reaches MongoDB").containsExactlyInAnyOrder(services, "pod app=mhc-mongodb-svc");
        Set<String> kafkaPeers = new TreeSet<>();
        rendered.all(Kafka.class).getFirst().getSpec().getKafka().getListeners()
                .forEach(listener -> listener.getNetworkPolicyPeers().forEach(peer -> kafkaPeers.addAll(describe(peer))));
        // KEDA reads the consumer groups' lag to scale reminder-service.
        assertThat(kafkaPeers).as("who reaches Kafka's listeners").containsExactlyInAnyOrder(services, "namespace keda");
    }

    private static Map<String, String> service(String name) {
        return Map.of(NAME, name, "app.kubernetes.io/part-of", "mental-health-connect");
    }

    /** Every peer allowed in on a port of pods with these labels, by the policies that select them. */
    private static Set<String> reachers(List<NetworkPolicy> policies, Map<String, String> podLabels, int port) {
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!selects(policy.getSpec().getPodSelector(), podLabels) || policy.getSpec().getIngress() == null) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (opens(rule.getPorts(), port)) {
                    rule.getFrom().forEach(peer -> peers.addAll(describe(peer)));
                }
            }
        }
        return peers;
    }

    private static boolean opens(List<NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() != null
                && p.getPort().getIntVal() != null && p.getPort().getIntVal() == port);
    }

    private static List<String> describe(NetworkPolicyPeer peer) {
        if (peer.getNamespaceSelector() != null) {
            return List.of("namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        }
        if (peer.getIpBlock() != null) {
            return List.of("addresses " + peer.getIpBlock().getCidr());
        }
        LabelSelector pods = peer.getPodSelector();
        List<String> described = new ArrayList<>();
        pods.getMatchLabels().forEach((key, value) -> described.add("pod " + key + "=" + value));
        // 'In' lists the pods it admits; any other operator (NotIn, Exists) admits pods not named, shown as such.
        pods.getMatchExpressions().forEach(expression -> {
            if (expression.getOperator().equals("In")) {
                expression.getValues().forEach(value -> described.add("pod " + expression.getKey() + "=" + value));
            }
            else {
                described.add("pods where " + expression.getKey() + " " + expression.getOperator() + " "
                        + expression.getValues());
            }
        });
        if (described.isEmpty()) {
            described.add("every pod of the namespace");
        }
        return described;
    }

    private static boolean selectsAll(LabelSelector selector) {
        return selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector.getMatchExpressions().isEmpty() && selector.getMatchLabels().entrySet().stream()
                .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
