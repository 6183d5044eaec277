package io.kubesim.scheduler;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubesim.scheduler.framework.PodInfo;

/**
 * {@link PodApi} over the Fabric8 client's asynchronous HTTP client (its TLS identity and connection pool), since
 * the typed DSL has no call for the {@code pods/binding} subresource and blocks a thread per request. Thread-safe.
 */
public final class HttpPodApi implements PodApi {

    private static final long TIMEOUT_SECONDS = 30;

    private final HttpClient http;
    private final String base;
    private final KubernetesSerialization json;

    public HttpPodApi(KubernetesClient client) {
        this.http = client.getHttpClient();
        String url = client.getMasterUrl().toString();
        this.base = url.endsWith("/") ? url : url + "/";
        this.json = client.getKubernetesSerialization();
    }

    @Override
    public CompletableFuture<Void> bind(PodInfo pod, String node) {
        Binding binding = new BindingBuilder()
                .withNewMetadata().withName(pod.name()).withNamespace(pod.namespace())
                .withUid(pod.pod().getMetadata().getUid()).endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName(node).endTarget()
                .build();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(podUrl(pod) + "/binding")
                .post("application/json", json.asJson(binding))
                .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        return send(request);
    }

    @Override
    public CompletableFuture<Void> setNotScheduled(PodInfo pod, String reason, String message, Instant transitionTime) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", "PodScheduled");
        condition.put("status", "False");
        condition.put("reason", reason);
        condition.put("message", message);
        condition.put("lastProbeTime", null);
        if (transitionTime != null) {
            condition.put("lastTransitionTime",
                    DateTimeFormatter.ISO_INSTANT.format(transitionTime.truncatedTo(ChronoUnit.SECONDS)));
        }
        String patch = json.asJson(Map.of("status", Map.of("conditions", List.of(condition))));
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(podUrl(pod) + "/status")
                .method("PATCH", "application/strategic-merge-patch+json", patch)
                .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        return send(request);
    }

    private String podUrl(PodInfo pod) {
        return base + "api/v1/namespaces/" + pod.namespace() + "/pods/" + pod.name();
    }

    private CompletableFuture<Void> send(HttpRequest request) {
        return http.sendAsync(request, String.class).thenApply(this::check);
    }

    private Void check(HttpResponse<String> response) {
        if (response.isSuccessful()) {
            return null;
        }
        throw new PodApiException(response.code(), statusMessage(response));
    }

    private String statusMessage(HttpResponse<String> response) {
        String body = response.body();
        try {
            Status status = json.unmarshal(body, Status.class);
            if (status != null && status.getMessage() != null) {
                return status.getMessage();
            }
        } catch (RuntimeException e) {
            // Not a Status document (a proxy error page, say): report the raw body below.
        }
        return body == null || body.isEmpty() ? "HTTP " + response.code() : body;
    }
}
