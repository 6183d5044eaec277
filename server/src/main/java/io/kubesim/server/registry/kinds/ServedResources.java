package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.json.Json;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ResourceRegistry;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.ResourceCache;
import tools.jackson.databind.JsonNode;

/**
 * Everything the server serves, in discovery order: core/v1, apps/v1 and coordination.k8s.io/v1,
 * with the service address allocators the services strategy reserves from. One instance per
 * server; thread-safe once built.
 */
public final class ServedResources {

    private final ClusterIpAllocator clusterIps = new InMemoryClusterIpAllocator();
    private final NodePortAllocator nodePorts = new InMemoryNodePortAllocator();
    private final ResourceRegistry registry;

    public ServedResources() {
        List<ResourceDescriptor> all = new ArrayList<>(CoreV1.descriptors(clusterIps, nodePorts));
        all.addAll(AppsV1.descriptors());
        all.addAll(CoordinationV1.descriptors());
        this.registry = new ResourceRegistry(all);
    }

    public ResourceRegistry registry() {
        return registry;
    }

    /**
     * Re-reserves the cluster IPs and node ports that stored services hold (after a restart), so
     * new services never get an address in use.
     */
    public void restoreAllocations(ResourceCache services) {
        for (CachedObject o : services.list(services.descriptor().keyPrefix(null), null, 0, 0, x -> true).items()) {
            JsonNode svc = Json.parse(o.json());
            String owner = ServiceStrategy.owner(svc);
            ServiceStrategy.Held held = ServiceStrategy.held(svc);
            held.ips().forEach(ip -> clusterIps.allocate(ip, owner));
            held.ports().forEach(port -> nodePorts.allocate(port, owner));
        }
    }
}
