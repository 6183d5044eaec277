package io.kubesim.server.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceStatus;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;

/**
 * The strategic-merge-patch and list metadata of the Kubernetes API types, which the Fabric8 model classes do
 * not carry. Each entry restates, for one field of one model class, the {@code patchStrategy} /
 * {@code patchMergeKey} struct tags and the {@code +listType} / {@code +listMapKey} markers of the Go type in
 * {@code k8s.io/api} v1.32 ({@code core/v1}, {@code apps/v1}, {@code policy/v1}, {@code batch/v1}) and
 * {@code k8s.io/apimachinery} ({@code meta/v1}). Fields not listed are plain: lists are atomic and replaced,
 * structs and maps merge.
 *
 * <p>Immutable and thread-safe.
 */
public final class PatchMetadata {

    /**
     * The declared metadata of one field.
     *
     * @param listType    null for struct fields
     * @param listMapKeys list-map keys, empty unless {@code listType} is {@link ListType#MAP}
     * @param strategy    the strategic-merge-patch strategy
     * @param mergeKey    the merge key of an object list merged element-wise, else null
     * @param retainKeys  whether the field also carries the {@code retainKeys} strategy
     */
    public record FieldPatch(ListType listType, List<String> listMapKeys, PatchStrategy strategy, String mergeKey,
                             boolean retainKeys) {
        public FieldPatch {
            Objects.requireNonNull(strategy);
            listMapKeys = List.copyOf(listMapKeys);
        }
    }

    private static final PatchMetadata KUBERNETES = new PatchMetadata(declareKubernetes());

    private final Map<Class<?>, Map<String, FieldPatch>> table;

    private PatchMetadata(Map<Class<?>, Map<String, FieldPatch>> table) {
        this.table = table;
    }

    /** The metadata of the built-in Kubernetes types. */
    public static PatchMetadata kubernetes() {
        return KUBERNETES;
    }

    /** The metadata declared for field {@code jsonField} of model class {@code owner}, or null. */
    public FieldPatch lookup(Class<?> owner, String jsonField) {
        Map<String, FieldPatch> fields = table.get(owner);
        return fields == null ? null : fields.get(jsonField);
    }

    /** Every declaration, by model class and JSON field name; unmodifiable. */
    public Map<Class<?>, Map<String, FieldPatch>> entries() {
        return table;
    }

    private static Map<Class<?>, Map<String, FieldPatch>> declareKubernetes() {
        Table t = new Table();
        // meta/v1
        t.mergeMap(ObjectMeta.class, "ownerReferences", "uid");
        t.mergeSet(ObjectMeta.class, "finalizers");
        t.atomic(ObjectMeta.class, "managedFields");

        // core/v1 Pod
        for (Class<?> c : List.of(Container.class, EphemeralContainer.class)) {
            t.atomic(c, "command");
            t.atomic(c, "args");
            t.mergeMap(c, "ports", "containerPort", "containerPort", "protocol");
            t.atomic(c, "envFrom");
            t.mergeMap(c, "env", "name");
            t.atomic(c, "resizePolicy");
            t.mergeMap(c, "volumeMounts", "mountPath");
            t.mergeMap(c, "volumeDevices", "devicePath");
        }
        t.listMap(ResourceRequirements.class, "claims", "name");
        t.mergeMapRetainKeys(PodSpec.class, "volumes", "name");
        t.mergeMap(PodSpec.class, "initContainers", "name");
        t.mergeMap(PodSpec.class, "containers", "name");
        t.mergeMap(PodSpec.class, "ephemeralContainers", "name");
        t.mergeMap(PodSpec.class, "imagePullSecrets", "name");
        t.atomic(PodSpec.class, "tolerations");
        t.mergeMap(PodSpec.class, "hostAliases", "ip");
        t.atomic(PodSpec.class, "readinessGates");
        t.mergeMap(PodSpec.class, "topologySpreadConstraints", "topologyKey", "topologyKey", "whenUnsatisfiable");
        t.mergeMap(PodSpec.class, "schedulingGates", "name");
        t.mergeMapRetainKeys(PodSpec.class, "resourceClaims", "name");
        t.mergeMap(PodStatus.class, "conditions", "type");
        t.mergeAtomic(PodStatus.class, "hostIPs", "ip");
        t.mergeMap(PodStatus.class, "podIPs", "ip");
        t.atomic(PodStatus.class, "initContainerStatuses");
        t.atomic(PodStatus.class, "containerStatuses");
        t.atomic(PodStatus.class, "ephemeralContainerStatuses");
        t.mergeMapRetainKeys(PodStatus.class, "resourceClaimStatuses", "name");
        t.mergeMap(ContainerStatus.class, "volumeMounts", "mountPath");
        t.mergeMap(ContainerStatus.class, "allocatedResourcesStatus", "name");
        t.listMap(ResourceStatus.class, "resources", "resourceID");

        // core/v1 other kinds
        t.mergeSet(NodeSpec.class, "podCIDRs");
        t.atomic(NodeSpec.class, "taints");
        t.mergeMap(NodeStatus.class, "conditions", "type");
        t.mergeMap(NodeStatus.class, "addresses", "type");
        t.atomic(NodeStatus.class, "images");
        t.atomic(NodeStatus.class, "volumesInUse");
        t.atomic(NodeStatus.class, "volumesAttached");
        t.atomic(NodeStatus.class, "runtimeHandlers");
        t.mergeMap(ServiceSpec.class, "ports", "port", "port", "protocol");
        t.atomic(ServiceSpec.class, "clusterIPs");
        t.atomic(ServiceSpec.class, "externalIPs");
        t.atomic(ServiceSpec.class, "loadBalancerSourceRanges");
        t.atomic(ServiceSpec.class, "ipFamilies");
        t.mergeMap(ServiceStatus.class, "conditions", "type");
        t.mergeMap(ServiceAccount.class, "secrets", "name");
        t.atomic(ServiceAccount.class, "imagePullSecrets");
        t.atomic(Endpoints.class, "subsets");
        t.atomic(EndpointSubset.class, "addresses");
        t.atomic(EndpointSubset.class, "notReadyAddresses");
        t.atomic(EndpointSubset.class, "ports");
        t.atomic(NamespaceSpec.class, "finalizers");
        t.mergeMap(NamespaceStatus.class, "conditions", "type");
        t.mergeMap(ReplicationControllerStatus.class, "conditions", "type");
        t.mergeMap(PersistentVolumeClaimStatus.class, "conditions", "type");

        // apps/v1
        t.retainKeysStruct(DeploymentSpec.class, "strategy");
        t.mergeMap(DeploymentStatus.class, "conditions", "type");
        t.mergeMap(ReplicaSetStatus.class, "conditions", "type");
        t.mergeMap(DaemonSetStatus.class, "conditions", "type");
        t.atomic(StatefulSetSpec.class, "volumeClaimTemplates");
        t.mergeMap(StatefulSetStatus.class, "conditions", "type");

        // policy/v1, batch/v1
        t.replaceStruct(PodDisruptionBudgetSpec.class, "selector");
        t.mergeMap(PodDisruptionBudgetStatus.class, "conditions", "type");
        t.mergeAtomic(JobStatus.class, "conditions", "type");
        return t.build();
    }

    /** Collects declarations; one method per combination that occurs in the Go types. */
    private static final class Table {
        private final Map<Class<?>, Map<String, FieldPatch>> entries = new HashMap<>();

        /** {@code patchStrategy:"merge" patchMergeKey:k}, {@code +listType=map} keyed by {@code mapKeys}. */
        void mergeMap(Class<?> owner, String field, String mergeKey, String... mapKeys) {
            List<String> keys = mapKeys.length == 0 ? List.of(mergeKey) : List.of(mapKeys);
            put(owner, field, new FieldPatch(ListType.MAP, keys, PatchStrategy.MERGE, mergeKey, false));
        }

        /** {@code patchStrategy:"merge,retainKeys" patchMergeKey:k}, {@code +listType=map} keyed by k. */
        void mergeMapRetainKeys(Class<?> owner, String field, String mergeKey) {
            put(owner, field, new FieldPatch(ListType.MAP, List.of(mergeKey), PatchStrategy.MERGE, mergeKey, true));
        }

        /** Merged by key in a strategic merge patch although the list is atomic for server-side apply. */
        void mergeAtomic(Class<?> owner, String field, String mergeKey) {
            put(owner, field, new FieldPatch(ListType.ATOMIC, List.of(), PatchStrategy.MERGE, mergeKey, false));
        }

        /** A set of scalars merged as a set ({@code patchStrategy:"merge"}, {@code +listType=set}). */
        void mergeSet(Class<?> owner, String field) {
            put(owner, field, new FieldPatch(ListType.SET, List.of(), PatchStrategy.MERGE, null, false));
        }

        /** {@code +listType=map} without a patch strategy: replaced by a strategic merge patch. */
        void listMap(Class<?> owner, String field, String... mapKeys) {
            put(owner, field, new FieldPatch(ListType.MAP, List.of(mapKeys), PatchStrategy.REPLACE, null, false));
        }

        void atomic(Class<?> owner, String field) {
            put(owner, field, new FieldPatch(ListType.ATOMIC, List.of(), PatchStrategy.REPLACE, null, false));
        }

        void replaceStruct(Class<?> owner, String field) {
            put(owner, field, new FieldPatch(null, List.of(), PatchStrategy.REPLACE, null, false));
        }

        void retainKeysStruct(Class<?> owner, String field) {
            put(owner, field, new FieldPatch(null, List.of(), PatchStrategy.MERGE, null, true));
        }

        private void put(Class<?> owner, String field, FieldPatch patch) {
            if (entries.computeIfAbsent(owner, k -> new HashMap<>()).put(field, patch) != null) {
                throw new IllegalStateException("declared twice: " + owner.getSimpleName() + "." + field);
            }
        }

        Map<Class<?>, Map<String, FieldPatch>> build() {
            Map<Class<?>, Map<String, FieldPatch>> copy = new HashMap<>();
            entries.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return Map.copyOf(copy);
        }
    }
}
