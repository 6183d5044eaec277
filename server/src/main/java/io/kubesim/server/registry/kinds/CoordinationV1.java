package io.kubesim.server.registry.kinds;

import java.util.List;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.table.LeaseTable;

/**
 * The {@code coordination.k8s.io/v1} resources: leases (node heartbeats, leader election).
 * Stateless; each call builds fresh descriptors.
 */
public final class CoordinationV1 {

    private CoordinationV1() {
    }

    public static List<ResourceDescriptor> descriptors() {
        return List.of(ResourceDescriptor.builder("coordination.k8s.io", "v1", "Lease", "leases")
                .singular("lease")
                .storagePrefix("/registry/leases").model(Lease.class).table(new LeaseTable())
                .strategy(new LeaseStrategy())
                .build());
    }
}
