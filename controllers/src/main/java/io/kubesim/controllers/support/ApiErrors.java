package io.kubesim.controllers.support;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Reading API errors the way controllers report them. Stateless. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /**
     * The error as Kubernetes components print it in events and conditions: the API status
     * message (e.g. {@code pods "x" is forbidden: ...}) rather than the client's request dump.
     */
    public static String message(Exception e) {
        if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getStatus().getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    public static boolean isNotFound(Exception e) {
        return e instanceof KubernetesClientException k && k.getCode() == 404;
    }

    public static boolean isAlreadyExists(Exception e) {
        return e instanceof KubernetesClientException k && k.getCode() == 409 && reason(k, "AlreadyExists");
    }

    public static boolean isConflict(Exception e) {
        return e instanceof KubernetesClientException k && k.getCode() == 409 && !reason(k, "AlreadyExists");
    }

    /** True if the write failed because its namespace is being deleted (every further create will fail too). */
    public static boolean isNamespaceTerminating(Exception e) {
        if (!(e instanceof KubernetesClientException k) || k.getStatus() == null) {
            return false;
        }
        Status s = k.getStatus();
        if (s.getDetails() == null || s.getDetails().getCauses() == null) {
            return false;
        }
        for (StatusCause c : s.getDetails().getCauses()) {
            if ("NamespaceTerminating".equals(c.getReason())) {
                return true;
            }
        }
        return false;
    }

    private static boolean reason(KubernetesClientException e, String reason) {
        return e.getStatus() != null && reason.equals(e.getStatus().getReason());
    }
}
