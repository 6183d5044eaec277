package io.kubesim.controllers.endpoints;

import io.fabric8.kubernetes.api.model.Endpoints;

/** The endpoints controller's writes. Errors are Fabric8 {@code KubernetesClientException}s. Thread-safe. */
interface EndpointsWriter {

    void create(Endpoints endpoints);

    /** Replaces the object (optimistic: its resourceVersion must be current). */
    void update(Endpoints endpoints);

    /** Deletes the Endpoints of a service that is gone; absent is fine. */
    void delete(String namespace, String name);
}
