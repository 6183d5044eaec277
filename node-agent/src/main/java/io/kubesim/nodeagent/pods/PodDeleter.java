package io.kubesim.nodeagent.pods;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

/**
 * Deletes pods the way a kubelet finishes them: grace period 0 with the pod's UID as
 * precondition, so that a pod recreated under the same name (a StatefulSet's) is never hit. The
 * Fabric8 DSL cannot send a UID precondition, hence the plain request through the client's HTTP
 * stack (same credentials and TLS). Thread-safe.
 */
public final class PodDeleter {

    private static final long TIMEOUT_SECONDS = 30;

    private final KubernetesClient client;

    public PodDeleter(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Deletes pod {@code namespace/name} if its UID is {@code uid}; a pod already gone is fine.
     *
     * @throws KubernetesClientException with the HTTP code when the server refuses (409: other UID)
     */
    public void delete(String namespace, String name, String uid) {
        URI uri = URI.create(client.getMasterUrl().toString()).resolve(
                "/api/v1/namespaces/" + namespace + "/pods/" + name);
        String body = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0,"
                + "\"preconditions\":{\"uid\":\"" + uid + "\"}}";
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(uri)
                .delete("application/json", body).build();
        HttpResponse<String> response;
        try {
            response = client.getHttpClient().sendAsync(request, String.class).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while deleting pod " + namespace + "/" + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KubernetesClientException("cannot delete pod " + namespace + "/" + name, e);
        }
        if (!response.isSuccessful() && response.code() != 404) {
            throw new KubernetesClientException("deleting pod " + namespace + "/" + name + ": " + response.body(),
                    response.code(), null);
        }
    }
}
