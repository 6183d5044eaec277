package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.node;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.kubesim.server.json.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PodStrategyTest {

    private final PodStrategy strategy = new PodStrategy();

    private ObjectNode created(String yaml) {
        ObjectNode pod = yaml(yaml);
        strategy.applyDefaults(pod);
        strategy.prepareForCreate(pod);
        return pod;
    }

    private static final String NGINX = """
            metadata: {name: web, namespace: default}
            spec:
              containers:
              - name: web
                image: nginx
                ports: [{containerPort: 80}]
            """;

    @Test
    void createLooksLikeARealClustersPod() {
        ObjectNode pod = created(NGINX);
        assertThat(pod.get("spec")).isEqualTo(yaml("""
                containers:
                - name: web
                  image: nginx
                  ports: [{containerPort: 80, protocol: TCP}]
                  imagePullPolicy: Always
                  terminationMessagePath: /dev/termination-log
                  terminationMessagePolicy: File
                  resources: {}
                dnsPolicy: ClusterFirst
                restartPolicy: Always
                securityContext: {}
                terminationGracePeriodSeconds: 30
                schedulerName: default-scheduler
                enableServiceLinks: true
                serviceAccountName: default
                serviceAccount: default
                tolerations:
                - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                priority: 0
                preemptionPolicy: PreemptLowerPriority
                """));
        assertThat(pod.get("status")).isEqualTo(yaml("{phase: Pending, qosClass: BestEffort}"));
        assertThat(strategy.validate(pod)).isEmpty();
    }

    @Test
    void taggedImagesAreNotAlwaysPulledAndLimitsBecomeRequests() {
        ObjectNode pod = created("""
                metadata: {name: web, namespace: default}
                spec:
                  serviceAccount: builder
                  tolerations: [{operator: Exists}]
                  containers:
                  - name: web
                    image: registry.example.com:5000/team/nginx:1.27
                    resources: {limits: {cpu: 500m, memory: 64Mi}}
                """);
        assertThat(pod.at("/spec/containers/0/imagePullPolicy").asString()).isEqualTo("IfNotPresent");
        assertThat(pod.at("/spec/containers/0/resources/requests")).isEqualTo(yaml("{cpu: 500m, memory: 64Mi}"));
        assertThat(pod.at("/status/qosClass").asString()).isEqualTo("Guaranteed");
        assertThat(pod.at("/spec/serviceAccountName").asString()).isEqualTo("builder");
        assertThat(pod.at("/spec/tolerations").size()).isEqualTo(1);
        assertThat(PodSpecDefaults.pullPolicy("busybox@sha256:abc")).isEqualTo("IfNotPresent");
        assertThat(PodSpecDefaults.pullPolicy("busybox:latest")).isEqualTo("Always");
        assertThat(PodSpecDefaults.pullPolicy("localhost:5000/app")).isEqualTo("Always");
    }

    @Test
    void burstableWhenRequestsDifferFromLimits() {
        ObjectNode pod = created("""
                metadata: {name: web, namespace: default}
                spec:
                  containers:
                  - {name: web, image: nginx, resources: {requests: {cpu: 100m}}}
                """);
        assertThat(pod.at("/status/qosClass").asString()).isEqualTo("Burstable");
    }

    @Test
    void containersAndImagesAreRequired() {
        ObjectNode pod = created("metadata: {name: web, namespace: default}\nspec: {}");
        assertThat(messages(strategy.validate(pod))).containsExactly("spec.containers: Required value");
        pod = created("""
                metadata: {name: web, namespace: default}
                spec:
                  containers: [{name: web}]
                """);
        assertThat(messages(strategy.validate(pod))).containsExactly("spec.containers[0].image: Required value");
    }

    @Test
    void updatesMayChangeImagesButNotTheNode() {
        ObjectNode old = created(NGINX);
        ObjectNode update = old.deepCopy();
        ((ObjectNode) update.at("/spec/containers/0")).put("image", "nginx:1.27");
        strategy.applyDefaults(update);
        assertThat(strategy.validateUpdate(update, old)).isEmpty();

        ObjectNode bind = old.deepCopy();
        ((ObjectNode) bind.get("spec")).put("nodeName", "node-1");
        assertThat(messages(strategy.validateUpdate(bind, old))).singleElement().asString()
                .startsWith("spec: Forbidden: pod updates may not change fields other than " + PodUpdateRules.UPDATABLE_FIELDS + "\n")
                .contains("spec.nodeName");

        ObjectNode more = old.deepCopy();
        ((ArrayNode) more.at("/spec/containers")).add(old.at("/spec/containers/0").deepCopy());
        assertThat(messages(strategy.validateUpdate(more, old)))
                .contains("spec.containers: Forbidden: pod updates may not add or remove containers");
    }

    @Test
    void tolerationsMayOnlyBeAdded() {
        ObjectNode old = created(NGINX);
        ObjectNode update = old.deepCopy();
        ((ObjectNode) update.at("/spec/tolerations/0")).put("tolerationSeconds", 60);
        ((ArrayNode) update.at("/spec/tolerations")).addObject().put("key", "gpu")
                .put("operator", "Exists");
        assertThat(strategy.validateUpdate(update, old)).isEmpty();

        ObjectNode removed = old.deepCopy();
        ((ArrayNode) removed.at("/spec/tolerations")).remove(0);
        assertThat(messages(strategy.validateUpdate(removed, old))).containsExactly(
                "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds");
    }

    @Test
    void numbersCompareByValueNotByNodeType() {
        ObjectNode old = created(NGINX);
        ObjectNode reparsed = (ObjectNode) Json.parse(Json.string(old));
        ((ObjectNode) reparsed.get("spec")).put("terminationGracePeriodSeconds", 30L);
        assertThat(strategy.validateUpdate(reparsed, old)).isEmpty();
    }

    @Test
    void gracePeriods() {
        ObjectNode pod = created(NGINX);
        assertThat(strategy.gracePeriodSeconds(pod, null)).isEmpty();
        ((ObjectNode) pod.get("spec")).put("nodeName", "node-1");
        assertThat(strategy.gracePeriodSeconds(pod, null)).isEqualTo(OptionalLong.of(30));
        assertThat(strategy.gracePeriodSeconds(pod, 5L)).isEqualTo(OptionalLong.of(5));
        assertThat(strategy.gracePeriodSeconds(pod, 0L)).isEmpty();
        assertThat(strategy.gracePeriodSeconds(pod, -3L)).isEqualTo(OptionalLong.of(1));
        ((ObjectNode) pod.get("status")).put("phase", "Succeeded");
        assertThat(strategy.gracePeriodSeconds(pod, 10L)).isEmpty();
    }

    @Test
    void statusAddressesAreMirrored() {
        ObjectNode pod = created(NGINX);
        ((ObjectNode) pod.get("status")).put("podIP", "10.244.0.5");
        strategy.applyDefaults(pod);
        assertThat(pod.at("/status/podIPs")).isEqualTo(node("[{ip: 10.244.0.5}]"));
    }
}
