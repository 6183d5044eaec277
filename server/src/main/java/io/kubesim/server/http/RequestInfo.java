package io.kubesim.server.http;

import java.util.List;
import java.util.Set;

import io.kubesim.server.metrics.ApiMetrics;

/**
 * What a resource request addresses, parsed from the path and method the way the real server's
 * request-info factory does: group, version, namespace, resource, name, subresource and verb.
 * Immutable.
 *
 * @param namespace null for cluster-scoped and all-namespaces requests
 * @param name      null for collection requests
 * @param verb      {@code get}, {@code list}, {@code watch}, {@code create}, {@code update},
 *                  {@code patch}, {@code delete} or {@code deletecollection}
 */
public record RequestInfo(String group, String version, String namespace, String resource, String name,
                          String subresource, String verb) {

    /** Subresources of a namespace object that are not namespaced resources. */
    private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

    /**
     * Parses {@code /api/v1/...} or {@code /apis/G/V/...}; returns null when the path is not a
     * resource path (discovery documents, unknown prefixes).
     */
    public static RequestInfo parse(String method, String path, boolean watchParam) {
        List<String> parts = split(path);
        String group;
        String version;
        int i;
        if (parts.size() >= 2 && parts.get(0).equals("api")) {
            group = "";
            version = parts.get(1);
            i = 2;
        } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            version = parts.get(2);
            i = 3;
        } else {
            return null;
        }
        List<String> rest = parts.subList(i, parts.size());
        if (rest.isEmpty()) {
            return null;
        }
        boolean watchPrefix = false;
        if (rest.get(0).equals("watch")) {
            watchPrefix = true;
            rest = rest.subList(1, rest.size());
            if (rest.isEmpty()) {
                return null;
            }
        }
        String namespace = null;
        if (rest.get(0).equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            } else {
                // the namespace object itself: /namespaces/NAME[/status|/finalize]
                return build(method, group, version, null, "namespaces", namespace,
                        rest.size() > 2 ? rest.get(2) : null, watchParam || watchPrefix, rest.size() > 3);
            }
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : null;
        String sub = rest.size() > 2 ? rest.get(2) : null;
        return build(method, group, version, namespace, resource, name, sub, watchParam || watchPrefix,
                rest.size() > 3);
    }

    private static RequestInfo build(String method, String group, String version, String namespace, String resource,
                                     String name, String sub, boolean watch, boolean tooLong) {
        if (tooLong) {
            return new RequestInfo(group, version, namespace, resource, name, sub, "unknown");
        }
        String verb = switch (method) {
            case "GET", "HEAD" -> name == null ? (watch ? "watch" : "list") : (watch ? "watch" : "get");
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> "unknown";
        };
        return new RequestInfo(group, version, namespace, resource, name, sub, verb);
    }

    private static List<String> split(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? List.of() : List.of(p.split("/", -1));
    }

    /** This request's labels on the request metrics; the scope follows the real server's rules. */
    public ApiMetrics.RequestLabels metricLabels() {
        String scope = name != null || verb.equals("create") ? "resource" : namespace != null ? "namespace" : "cluster";
        return new ApiMetrics.RequestLabels(metricVerb(), group, version, resource, subresource, scope);
    }

    /** The Prometheus verb label of the real server: LIST, WATCH, GET, POST, PUT, PATCH, DELETE, ... */
    public String metricVerb() {
        return switch (verb) {
            case "list" -> "LIST";
            case "watch" -> "WATCH";
            case "get" -> "GET";
            case "create" -> "POST";
            case "update" -> "PUT";
            case "patch" -> "PATCH";
            case "delete" -> "DELETE";
            case "deletecollection" -> "DELETECOLLECTION";
            default -> verb.toUpperCase(java.util.Locale.ROOT);
        };
    }
}
