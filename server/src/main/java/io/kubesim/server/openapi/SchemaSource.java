package io.kubesim.server.openapi;

import java.util.Map;

import io.kubesim.server.registry.ResourceDescriptor;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI component schemas of one kind, keyed by definition name
 * ({@code io.k8s.api.apps.v1.Deployment}); the kind's own schema carries
 * {@code x-kubernetes-group-version-kind} as an array, which is what {@code kubectl explain} looks up.
 */
@FunctionalInterface
public interface SchemaSource {

    SchemaSource NONE = d -> Map.of();

    Map<String, ObjectNode> schemas(ResourceDescriptor descriptor);
}
