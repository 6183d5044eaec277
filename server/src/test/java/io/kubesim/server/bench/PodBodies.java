package io.kubesim.server.bench;

/**
 * The pod the benchmark creates: shaped like one a ReplicaSet controller writes (labels, a controller
 * owner reference, one container with ports, resources and env), so stored size and list cost are
 * realistic. Bodies are built per request from a template, so the load generator holds no
 * per-pod memory. Stateless.
 */
final class PodBodies {

    private static final String BEFORE_NAME = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"";
    private static final String BEFORE_NAMESPACE = "\",\"namespace\":\"";
    private static final String REST = "\",\"labels\":{\"app\":\"bench\",\"pod-template-hash\":\"5d9c7b8f6\"},"
            + "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"bench-5d9c7b8f6\","
            + "\"uid\":\"7d6a2f3e-52a1-4c3b-9d1e-0f4a5b6c7d8e\",\"controller\":true,\"blockOwnerDeletion\":true}]},"
            + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"registry.example.com/bench/app:1.25.3\","
            + "\"ports\":[{\"name\":\"http\",\"containerPort\":8080,\"protocol\":\"TCP\"}],"
            + "\"env\":[{\"name\":\"MODE\",\"value\":\"bench\"},{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}],"
            + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"},"
            + "\"limits\":{\"cpu\":\"200m\",\"memory\":\"128Mi\"}},"
            + "\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":8080},\"periodSeconds\":10}}],"
            + "\"terminationGracePeriodSeconds\":30}}";

    private PodBodies() {
    }

    static String json(String namespace, String name) {
        return BEFORE_NAME + name + BEFORE_NAMESPACE + namespace + REST;
    }

    static String path(String namespace) {
        return "/api/v1/namespaces/" + namespace + "/pods";
    }

    static String namespace(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";
    }
}
