package io.kubesim.server.registry.kinds;

import java.util.List;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.kubesim.server.registry.ResourceDescriptor;
import io.kubesim.server.registry.ScaleSpec;
import io.kubesim.server.registry.SelectableFields;
import io.kubesim.server.registry.Subresource;
import io.kubesim.server.validation.Trees;
import io.kubesim.server.table.DaemonSetTable;
import io.kubesim.server.table.DeploymentTable;
import io.kubesim.server.table.ReplicaSetTable;
import io.kubesim.server.table.StatefulSetTable;

/**
 * The {@code apps/v1} workload resources, in discovery order. All are namespaced, in category
 * {@code all}, and track {@code metadata.generation}; all but daemon sets have {@code /scale}.
 * Stateless; each call builds fresh descriptors.
 */
public final class AppsV1 {

    private AppsV1() {
    }

    public static List<ResourceDescriptor> descriptors() {
        return List.of(
                apps("DaemonSet", "daemonsets", "daemonset").shortNames("ds")
                        .subresources(Subresource.STATUS)
                        .storagePrefix("/registry/daemonsets").model(DaemonSet.class).table(new DaemonSetTable())
                        .strategy(new DaemonSetStrategy()).build(),
                apps("Deployment", "deployments", "deployment").shortNames("deploy")
                        .subresources(Subresource.STATUS, Subresource.SCALE).scale(ScaleSpec.APPS)
                        .storagePrefix("/registry/deployments").model(Deployment.class).table(new DeploymentTable())
                        .strategy(new DeploymentStrategy()).build(),
                apps("ReplicaSet", "replicasets", "replicaset").shortNames("rs")
                        .subresources(Subresource.STATUS, Subresource.SCALE).scale(ScaleSpec.APPS)
                        .storagePrefix("/registry/replicasets").model(ReplicaSet.class).table(new ReplicaSetTable())
                        .strategy(new ReplicaSetStrategy())
                        .fields(SelectableFields.builder()
                                .custom("status.replicas", o -> Long.toString(Trees.integer(o.get("status"), "replicas", 0)))
                                .build())
                        .build(),
                apps("StatefulSet", "statefulsets", "statefulset").shortNames("sts")
                        .subresources(Subresource.STATUS, Subresource.SCALE).scale(ScaleSpec.APPS)
                        .storagePrefix("/registry/statefulsets").model(StatefulSet.class).table(new StatefulSetTable())
                        .strategy(new StatefulSetStrategy()).build());
    }

    private static ResourceDescriptor.Builder apps(String kind, String plural, String singular) {
        return ResourceDescriptor.builder("apps", "v1", kind, plural).singular(singular).categories("all")
                .tracksGeneration();
    }
}
