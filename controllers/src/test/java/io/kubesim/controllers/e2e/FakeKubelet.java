package io.kubesim.controllers.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Stands in for node agents in end-to-end tests: every 50 ms it reports each pod of a namespace
 * (matching a label selector) as Running and Ready through {@code pods/status}, as a kubelet
 * would once its containers started. Also usable pod by pod. Close to stop.
 */
final class FakeKubelet implements AutoCloseable {

    private final KubernetesClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-kubelet");
        t.setDaemon(true);
        return t;
    });

    FakeKubelet(KubernetesClient client, String namespace, Map<String, String> selector) {
        this.client = client;
        timer.scheduleWithFixedDelay(() -> {
            try {
                List<Pod> pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
                pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null && !isReady(p))
                        .forEach(this::start);
            } catch (KubernetesClientException e) {
                // A conflict or a pod deleted meanwhile: the next round retries.
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Reports {@code pod} Running and Ready. */
    void start(Pod pod) {
        startPod(client, pod);
    }

    static void startPod(KubernetesClient client, Pod pod) {
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        status.setPhase("Running");
        status.setConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus("True")
                .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build()));
        pod.setStatus(status);
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    }

    static boolean isReady(Pod p) {
        return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
