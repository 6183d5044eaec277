package io.kubesim.server.http;

import java.util.List;

import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.watch.CachedObject;
import tools.jackson.databind.JsonNode;

/** Renders {@code meta.k8s.io/v1} Tables for {@code kubectl get}. Thread-safe. */
interface TableRenderer {

    JsonNode list(ResourceDescriptor d, List<CachedObject> items, long revision, String continueToken,
                  String includeObject);

    JsonNode single(ResourceDescriptor d, byte[] object, String includeObject);

    /** A fresh encoder for one watch stream (it remembers whether columns were sent). */
    FrameEncoder watchEncoder(ResourceDescriptor d, String includeObject);
}
