package io.kubesim.server.discovery;

import java.util.List;

import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ResourceRegistry;
import io.kubesim.server.registry.Subresource;
import io.kubesim.server.registry.Verb;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery documents, built once from the registry: legacy ({@code APIVersions},
 * {@code APIGroupList}, {@code APIResourceList}) and aggregated ({@code APIGroupDiscoveryList}
 * v2 and v2beta1). Immutable after construction; the byte arrays are shared, never modified.
 */
public final class DiscoveryDocuments {

    private final ResourceRegistry registry;
    private final byte[] legacyGroups;
    private final byte[] aggregatedCoreV2;
    private final byte[] aggregatedGroupsV2;
    private final byte[] aggregatedCoreV2beta1;
    private final byte[] aggregatedGroupsV2beta1;

    public DiscoveryDocuments(ResourceRegistry registry) {
        this.registry = registry;
        this.legacyGroups = Json.bytes(buildLegacyGroups());
        this.aggregatedCoreV2 = Json.bytes(buildAggregated(true, "v2"));
        this.aggregatedGroupsV2 = Json.bytes(buildAggregated(false, "v2"));
        this.aggregatedCoreV2beta1 = Json.bytes(buildAggregated(true, "v2beta1"));
        this.aggregatedGroupsV2beta1 = Json.bytes(buildAggregated(false, "v2beta1"));
    }

    /** {@code GET /api} legacy: the core versions and where to reach the server. */
    public byte[] legacyCore(String serverAddress) {
        ObjectNode o = Json.object();
        o.put("kind", "APIVersions");
        ArrayNode versions = o.putArray("versions");
        registry.versions("").forEach(versions::add);
        ObjectNode addr = o.putArray("serverAddressByClientCIDRs").addObject();
        addr.put("clientCIDR", "0.0.0.0/0");
        addr.put("serverAddress", serverAddress);
        return Json.bytes(o);
    }

    /** {@code GET /apis} legacy. */
    public byte[] legacyGroups() {
        return legacyGroups;
    }

    /** {@code GET /api} or {@code /apis} aggregated, in {@code apidiscovery.k8s.io/<version>}. */
    public byte[] aggregated(boolean core, String version) {
        if (version.equals("v2")) {
            return core ? aggregatedCoreV2 : aggregatedGroupsV2;
        }
        return core ? aggregatedCoreV2beta1 : aggregatedGroupsV2beta1;
    }

    /** {@code GET /api/v1} or {@code /apis/G/V}: null when the group-version is not served. */
    public byte[] resourceList(String group, String version) {
        List<ResourceDescriptor> resources = registry.resources(group, version);
        if (resources.isEmpty()) {
            return null;
        }
        ObjectNode o = Json.object();
        o.put("kind", "APIResourceList");
        o.put("apiVersion", "v1");
        o.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode list = o.putArray("resources");
        for (ResourceDescriptor d : resources) {
            ObjectNode r = list.addObject();
            r.put("name", d.plural());
            r.put("singularName", d.singular());
            r.put("namespaced", d.namespaced());
            r.put("kind", d.kind());
            verbs(r.putArray("verbs"), d);
            if (!d.shortNames().isEmpty()) {
                ArrayNode sn = r.putArray("shortNames");
                d.shortNames().forEach(sn::add);
            }
            if (!d.categories().isEmpty()) {
                ArrayNode c = r.putArray("categories");
                d.categories().forEach(c::add);
            }
            for (Subresource s : d.subresources()) {
                SubresourceInfo info = SubresourceInfo.of(d, s);
                ObjectNode sr = list.addObject();
                sr.put("name", d.plural() + "/" + s.path());
                sr.put("singularName", "");
                sr.put("namespaced", d.namespaced());
                if (info.group() != null) {
                    sr.put("group", info.group());
                    sr.put("version", info.version());
                }
                sr.put("kind", info.kind());
                ArrayNode v = sr.putArray("verbs");
                info.verbs().forEach(v::add);
            }
        }
        return Json.bytes(o);
    }

    /** {@code GET /apis/G}: null when the group is not served. */
    public byte[] group(String group) {
        if (group.isEmpty() || registry.versions(group).isEmpty()) {
            return null;
        }
        ObjectNode g = groupEntry(group);
        g.put("kind", "APIGroup");
        g.put("apiVersion", "v1");
        return Json.bytes(g);
    }

    private ObjectNode buildLegacyGroups() {
        ObjectNode o = Json.object();
        o.put("kind", "APIGroupList");
        o.put("apiVersion", "v1");
        ArrayNode groups = o.putArray("groups");
        for (String g : registry.groups()) {
            if (!g.isEmpty()) {
                groups.add(groupEntry(g));
            }
        }
        return o;
    }

    private ObjectNode groupEntry(String group) {
        ObjectNode g = Json.object();
        g.put("name", group);
        ArrayNode versions = g.putArray("versions");
        for (String v : registry.versions(group)) {
            ObjectNode gv = versions.addObject();
            gv.put("groupVersion", group + "/" + v);
            gv.put("version", v);
        }
        ObjectNode preferred = g.putObject("preferredVersion");
        String v = registry.versions(group).get(0);
        preferred.put("groupVersion", group + "/" + v);
        preferred.put("version", v);
        return g;
    }

    private ObjectNode buildAggregated(boolean core, String discoveryVersion) {
        ObjectNode o = Json.object();
        o.put("kind", "APIGroupDiscoveryList");
        o.put("apiVersion", "apidiscovery.k8s.io/" + discoveryVersion);
        o.putObject("metadata");
        ArrayNode items = o.putArray("items");
        for (String group : registry.groups()) {
            if (group.isEmpty() != core) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", group);
            ArrayNode versions = item.putArray("versions");
            for (String version : registry.versions(group)) {
                ObjectNode v = versions.addObject();
                v.put("version", version);
                ArrayNode resources = v.putArray("resources");
                for (ResourceDescriptor d : registry.resources(group, version)) {
                    resources.add(aggregatedResource(d));
                }
                v.put("freshness", "Current");
            }
        }
        return o;
    }

    private static ObjectNode aggregatedResource(ResourceDescriptor d) {
        ObjectNode r = Json.object();
        r.put("resource", d.plural());
        ObjectNode kind = r.putObject("responseKind");
        kind.put("group", d.group());
        kind.put("version", d.version());
        kind.put("kind", d.kind());
        r.put("scope", d.namespaced() ? "Namespaced" : "Cluster");
        r.put("singularResource", d.singular());
        verbs(r.putArray("verbs"), d);
        if (!d.shortNames().isEmpty()) {
            ArrayNode sn = r.putArray("shortNames");
            d.shortNames().forEach(sn::add);
        }
        if (!d.categories().isEmpty()) {
            ArrayNode c = r.putArray("categories");
            d.categories().forEach(c::add);
        }
        if (!d.subresources().isEmpty()) {
            ArrayNode subs = r.putArray("subresources");
            for (Subresource s : d.subresources()) {
                SubresourceInfo info = SubresourceInfo.of(d, s);
                ObjectNode sr = subs.addObject();
                sr.put("subresource", s.path());
                ObjectNode rk = sr.putObject("responseKind");
                rk.put("group", info.group() == null ? d.group() : info.group());
                rk.put("version", info.version() == null ? d.version() : info.version());
                rk.put("kind", info.kind());
                ArrayNode v = sr.putArray("verbs");
                info.verbs().forEach(v::add);
            }
        }
        return r;
    }

    private static void verbs(ArrayNode out, ResourceDescriptor d) {
        for (Verb v : Verb.values()) {
            if (d.supports(v)) {
                out.add(v.name());
            }
        }
    }
}
