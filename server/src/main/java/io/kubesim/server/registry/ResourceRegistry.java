package io.kubesim.server.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every served resource type, looked up by group/version/plural (routing) or by
 * group/version/kind (decoding). Built once at startup, then immutable and shared by all event
 * loops. Declaration order is kept: discovery lists resources in it, and {@code kubectl get all}
 * prints kinds in discovery order.
 */
public final class ResourceRegistry {

    private final List<ResourceDescriptor> all;
    private final Map<String, ResourceDescriptor> byResource = new HashMap<>();
    private final Map<String, ResourceDescriptor> byKind = new HashMap<>();
    private final Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();

    public ResourceRegistry(List<ResourceDescriptor> descriptors) {
        this.all = List.copyOf(descriptors);
        for (ResourceDescriptor d : all) {
            if (byResource.put(id(d.group(), d.version(), d.plural()), d) != null) {
                throw new IllegalArgumentException("duplicate resource " + d.qualifiedResource());
            }
            if (byKind.put(id(d.group(), d.version(), d.kind()), d) != null) {
                throw new IllegalArgumentException("duplicate kind " + d.kind() + " in " + d.apiVersion());
            }
            List<String> versions = versionsByGroup.computeIfAbsent(d.group(), g -> new ArrayList<>());
            if (!versions.contains(d.version())) {
                versions.add(d.version());
            }
        }
    }

    public List<ResourceDescriptor> all() {
        return all;
    }

    public Optional<ResourceDescriptor> byResource(String group, String version, String plural) {
        return Optional.ofNullable(byResource.get(id(group, version, plural)));
    }

    public Optional<ResourceDescriptor> byKind(String group, String version, String kind) {
        return Optional.ofNullable(byKind.get(id(group, version, kind)));
    }

    /** Groups in declaration order (core {@code ""} first when declared first). */
    public List<String> groups() {
        return List.copyOf(versionsByGroup.keySet());
    }

    /** Versions of {@code group}, preferred first. */
    public List<String> versions(String group) {
        return Collections.unmodifiableList(versionsByGroup.getOrDefault(group, List.of()));
    }

    /** Resources of one group-version in declaration order. */
    public List<ResourceDescriptor> resources(String group, String version) {
        return all.stream().filter(d -> d.group().equals(group) && d.version().equals(version)).toList();
    }

    private static String id(String group, String version, String name) {
        return group + "/" + version + "/" + name;
    }
}
