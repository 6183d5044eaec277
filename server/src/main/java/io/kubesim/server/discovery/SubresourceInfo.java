package io.kubesim.server.discovery;

import java.util.List;

import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.Subresource;

/**
 * How discovery describes a subresource: the kind it speaks (which may live in another group, like
 * {@code policy/v1 Eviction} or {@code autoscaling/v1 Scale}) and its verbs. Facts of the real API.
 *
 * @param group   null when the subresource speaks its parent's group and version
 */
record SubresourceInfo(String group, String version, String kind, List<String> verbs) {

    static SubresourceInfo of(ResourceDescriptor d, Subresource s) {
        return switch (s) {
            case STATUS -> new SubresourceInfo(null, null, d.kind(), List.of("get", "patch", "update"));
            case SCALE -> new SubresourceInfo("autoscaling", "v1", "Scale", List.of("get", "patch", "update"));
            case BINDING -> new SubresourceInfo(null, null, "Binding", List.of("create"));
            case EVICTION -> new SubresourceInfo("policy", "v1", "Eviction", List.of("create"));
            case LOG -> new SubresourceInfo(null, null, d.kind(), List.of("get"));
            case FINALIZE -> new SubresourceInfo(null, null, d.kind(), List.of("update"));
        };
    }
}
