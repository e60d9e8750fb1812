package org.mhconnect.deploychecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret value is kept in the repository: production refers to Secrets created in the cluster, each named in
 * docs/operations.md, and dev generates placeholders that say they are placeholders.
 */
class SecretsTest {

    /** Dev's one value that is not a key: the id of its active journal master key. */
    private static final String KEY_ID = "MHC_JOURNAL_ENCRYPTION_ACTIVEKEYID";

    @Test
    void productionRendersNoSecretAndTheOperationsGuideNamesEverySecretItNeeds() throws IOException {
        Rendered production = Rendered.of("production");
        assertThat(production.all(Secret.class)).as("Secrets rendered by overlays/production").isEmpty();

        String guide = Files.readString(Kustomize.K8S.resolve("../../docs/operations.md").normalize());
        List<String> unnamed = referencedSecrets(production).stream().filter(name -> !guide.contains("`" + name + "`"))
                .toList();
        assertThat(unnamed).as("Secrets the production overlay refers to that docs/operations.md does not name")
                .isEmpty();
    }

    @Test
    void devSecretsArePlaceholdersThatSaySo() {
        List<String> breaches = new ArrayList<>();
        for (Secret secret : Rendered.of("dev").all(Secret.class)) {
            Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
            data.forEach((key, value) -> {
                String text = decode(value);
                if (!key.equals(KEY_ID) && !text.startsWith("dev-only") && !decode(text).startsWith("dev-only")) {
                    breaches.add(secret.getMetadata().getName() + "." + key + " does not read 'dev-only...'");
                }
            });
            assertThat(secret.getStringData()).as("stringData of %s", secret.getMetadata().getName()).isNullOrEmpty();
        }
        assertThat(breaches).as("dev Secrets that might be real").isEmpty();
    }

    /** Secrets named by Deployments, the MongoDB resource's users, and the Ingress. */
    private static TreeSet<String> referencedSecrets(Rendered rendered) {
        TreeSet<String> names = new TreeSet<>();
        for (Deployment deployment : rendered.deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        names.add(variable.getValueFrom().getSecretKeyRef().getName());
                    }
                }
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getSecretRef() != null) {
                        names.add(source.getSecretRef().getName());
                    }
                }
            }
        }
        for (JsonNode mongo : rendered.trees("MongoDBCommunity")) {
            for (JsonNode user : mongo.at("/spec/users")) {
                names.add(user.at("/passwordSecretRef/name").asText());
            }
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            ingress.getSpec().getTls().stream().map(IngressTLS::getSecretName).forEach(names::add);
        }
        return names;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
