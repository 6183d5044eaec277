package io.kubesim.server.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaRegistryTest {

    private final SchemaRegistry registry = new SchemaRegistry();

    @ParameterizedTest
    @ValueSource(classes = {Pod.class, Deployment.class, Node.class, Service.class, Lease.class, Event.class,
            io.fabric8.kubernetes.api.model.events.v1.Event.class, ConfigMap.class, Secret.class, Namespace.class,
            Endpoints.class, ServiceAccount.class, ReplicaSet.class, DaemonSet.class, StatefulSet.class,
            PodDisruptionBudget.class, ControllerRevision.class, CustomResourceDefinition.class})
    void everyKindResolvesCompletely(Class<?> kind) {
        ObjectSchema root = registry.forModel(kind);

        assertThat(root.name()).isEqualTo(kind.getSimpleName());
        assertThat(root.field("apiVersion")).isEqualTo(PrimitiveSchema.STRING);
        assertThat(root.field("kind")).isEqualTo(PrimitiveSchema.STRING);
        assertThat(root.field("metadata")).isInstanceOf(ObjectSchema.class);
        assertThat(root.field("additionalProperties")).isNull();
        assertThat(walk(root)).isGreaterThan(3);
    }

    @Test
    void deploymentFieldsCarryKubernetesListSemantics() {
        ObjectSchema deployment = registry.forModel(Deployment.class);
        ObjectSchema spec = struct(deployment, "spec");
        assertThat(spec.field("replicas")).isEqualTo(PrimitiveSchema.INT32);
        assertThat(spec.goType()).isEqualTo("v1.DeploymentSpec");
        assertThat(struct(spec, "strategy").retainKeys()).isTrue();

        ObjectSchema podSpec = struct(struct(spec, "template"), "spec");
        ArraySchema containers = array(podSpec, "containers");
        assertThat(containers.merges()).isTrue();
        assertThat(containers.mergeKey()).isEqualTo("name");
        assertThat(containers.listType()).isEqualTo(ListType.MAP);
        assertThat(containers.listMapKeys()).containsExactly("name");
        assertThat(containers.goType()).isEqualTo("[]v1.Container");

        ObjectSchema container = (ObjectSchema) containers.items();
        ArraySchema ports = array(container, "ports");
        assertThat(ports.mergeKey()).isEqualTo("containerPort");
        assertThat(ports.listMapKeys()).containsExactly("containerPort", "protocol");
        assertThat(array(container, "env").mergeKey()).isEqualTo("name");
        assertThat(array(container, "volumeMounts").mergeKey()).isEqualTo("mountPath");
        assertThat(array(container, "volumeDevices").mergeKey()).isEqualTo("devicePath");
        for (String atomic : List.of("args", "command", "envFrom", "resizePolicy")) {
            assertThat(array(container, atomic).merges()).as(atomic).isFalse();
            assertThat(array(container, atomic).listType()).as(atomic).isEqualTo(ListType.ATOMIC);
        }
        assertThat(array(container, "args").items()).isEqualTo(PrimitiveSchema.STRING);

        ArraySchema tolerations = array(podSpec, "tolerations");
        assertThat(tolerations.patchStrategy()).isEqualTo(PatchStrategy.REPLACE);
        assertThat(tolerations.mergeKey()).isNull();
        ArraySchema spread = array(podSpec, "topologySpreadConstraints");
        assertThat(spread.mergeKey()).isEqualTo("topologyKey");
        assertThat(spread.listMapKeys()).containsExactly("topologyKey", "whenUnsatisfiable");
        assertThat(array(podSpec, "volumes").retainKeys()).isTrue();
        assertThat(array(podSpec, "hostAliases").mergeKey()).isEqualTo("ip");
        assertThat(array(podSpec, "imagePullSecrets").mergeKey()).isEqualTo("name");
        assertThat(array(podSpec, "schedulingGates").mergeKey()).isEqualTo("name");
        assertThat(podSpec.field("nodeSelector")).isEqualTo(new MapSchema(PrimitiveSchema.STRING));
        assertThat(podSpec.field("terminationGracePeriodSeconds")).isEqualTo(PrimitiveSchema.INT64);
        assertThat(podSpec.field("hostNetwork")).isEqualTo(PrimitiveSchema.BOOLEAN);

        ObjectSchema resources = struct(container, "resources");
        assertThat(resources.field("limits")).isEqualTo(new MapSchema(QuantitySchema.INSTANCE));
        assertThat(resources.field("limits").goType()).isEqualTo("map[string]resource.Quantity");
        ObjectSchema httpGet = struct(struct(container, "livenessProbe"), "httpGet");
        assertThat(httpGet.field("port")).isEqualTo(IntOrStringSchema.INSTANCE);

        ObjectSchema status = struct(deployment, "status");
        assertThat(array(status, "conditions").mergeKey()).isEqualTo("type");
    }

    @Test
    void metadataFields() {
        ObjectSchema meta = struct(registry.forModel(Pod.class), "metadata");
        assertThat(meta.goType()).isEqualTo("v1.ObjectMeta");
        assertThat(meta.field("labels")).isEqualTo(new MapSchema(PrimitiveSchema.STRING));
        ArraySchema finalizers = array(meta, "finalizers");
        assertThat(finalizers.listType()).isEqualTo(ListType.SET);
        assertThat(finalizers.merges()).isTrue();
        assertThat(finalizers.mergeKey()).isNull();
        assertThat(array(meta, "ownerReferences").mergeKey()).isEqualTo("uid");
        assertThat(array(meta, "managedFields").merges()).isFalse();
        assertThat(meta.field("generation")).isEqualTo(PrimitiveSchema.INT64);
        assertThat(meta.field("creationTimestamp")).isEqualTo(PrimitiveSchema.STRING);
    }

    @Test
    void otherKindsSpotChecks() {
        ObjectSchema pod = registry.forModel(Pod.class);
        ObjectSchema podStatus = struct(pod, "status");
        assertThat(array(podStatus, "conditions").mergeKey()).isEqualTo("type");
        assertThat(array(podStatus, "podIPs").mergeKey()).isEqualTo("ip");
        assertThat(array(podStatus, "hostIPs").listType()).isEqualTo(ListType.ATOMIC);
        assertThat(array(podStatus, "hostIPs").mergeKey()).isEqualTo("ip");
        assertThat(array(podStatus, "containerStatuses").merges()).isFalse();

        ObjectSchema node = registry.forModel(Node.class);
        assertThat(array(struct(node, "spec"), "podCIDRs").listType()).isEqualTo(ListType.SET);
        assertThat(array(struct(node, "spec"), "taints").merges()).isFalse();
        assertThat(struct(node, "spec").field("unschedulable")).isEqualTo(PrimitiveSchema.BOOLEAN);
        assertThat(array(struct(node, "status"), "addresses").mergeKey()).isEqualTo("type");
        assertThat(array(struct(node, "status"), "images").merges()).isFalse();
        assertThat(struct(node, "status").field("capacity")).isEqualTo(new MapSchema(QuantitySchema.INSTANCE));

        ArraySchema servicePorts = array(struct(registry.forModel(Service.class), "spec"), "ports");
        assertThat(servicePorts.mergeKey()).isEqualTo("port");
        assertThat(servicePorts.listMapKeys()).containsExactly("port", "protocol");
        assertThat(((ObjectSchema) servicePorts.items()).name()).isEqualTo("ServicePort");

        ObjectSchema subset = (ObjectSchema) array(registry.forModel(Endpoints.class), "subsets").items();
        assertThat(array(subset, "addresses").merges()).isFalse();
        assertThat(array(subset, "ports").merges()).isFalse();

        ObjectSchema lease = struct(registry.forModel(Lease.class), "spec");
        assertThat(lease.field("renewTime")).isEqualTo(PrimitiveSchema.STRING);
        assertThat(lease.field("leaseDurationSeconds")).isEqualTo(PrimitiveSchema.INT32);
        assertThat(registry.forModel(Event.class).field("eventTime")).isEqualTo(PrimitiveSchema.STRING);
        assertThat(registry.forModel(ConfigMap.class).field("data")).isEqualTo(new MapSchema(PrimitiveSchema.STRING));
        assertThat(registry.forModel(Secret.class).field("data")).isEqualTo(new MapSchema(PrimitiveSchema.STRING));
        assertThat(array(registry.forModel(ServiceAccount.class), "secrets").mergeKey()).isEqualTo("name");
        assertThat(array(struct(registry.forModel(Namespace.class), "status"), "conditions").mergeKey())
                .isEqualTo("type");
        assertThat(array(struct(registry.forModel(ReplicaSet.class), "status"), "conditions").mergeKey())
                .isEqualTo("type");
        assertThat(array(struct(registry.forModel(DaemonSet.class), "status"), "conditions").mergeKey())
                .isEqualTo("type");
        assertThat(array(struct(registry.forModel(StatefulSet.class), "status"), "conditions").mergeKey())
                .isEqualTo("type");
        assertThat(registry.forModel(ControllerRevision.class).field("data")).isEqualTo(AnySchema.INSTANCE);
        assertThat(struct(struct(registry.forModel(PodDisruptionBudget.class), "spec"), "selector").patchStrategy())
                .isEqualTo(PatchStrategy.REPLACE);
    }

    @Test
    void recursiveTypesResolveLazilyToTheSameSchema() {
        ObjectSchema crdSpec = struct(registry.forModel(CustomResourceDefinition.class), "spec");
        ObjectSchema version = (ObjectSchema) array(crdSpec, "versions").items();
        ObjectSchema props = struct(struct(version, "schema"), "openAPIV3Schema");
        assertThat(props.name()).isEqualTo("JSONSchemaProps");
        MapSchema properties = (MapSchema) props.field("properties");
        assertThat(properties.values()).isSameAs(props);
    }

    @Test
    void schemasAreCachedPerClass() throws Exception {
        assertThat(registry.forModel(Pod.class)).isSameAs(registry.forModel(Pod.class));
        assertThat(struct(registry.forModel(Pod.class), "spec"))
                .isSameAs(struct(struct(struct(registry.forModel(Deployment.class), "spec"), "template"), "spec"));

        SchemaRegistry fresh = new SchemaRegistry();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ObjectSchema>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(() -> {
                    ObjectSchema d = fresh.forModel(Deployment.class);
                    walk(d);
                    return struct(struct(struct(d, "spec"), "template"), "spec");
                });
            }
            Set<ObjectSchema> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<ObjectSchema> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyDeclaredEntryNamesAnExistingFieldOfFittingType() {
        Map<Class<?>, Map<String, PatchMetadata.FieldPatch>> entries = PatchMetadata.kubernetes().entries();
        assertThat(entries).isNotEmpty();
        entries.forEach((owner, fields) -> fields.forEach((name, patch) -> {
            TypeSchema field = registry.forModel(owner).field(name);
            assertThat(field).as(owner.getSimpleName() + "." + name).isNotNull();
            if (patch.listType() != null) {
                ArraySchema list = (ArraySchema) field;
                assertThat(list.mergeKey()).isEqualTo(patch.mergeKey());
                if (list.mergeKey() != null) {
                    assertThat(((ObjectSchema) list.items()).field(list.mergeKey()))
                            .as("merge key of " + owner.getSimpleName() + "." + name).isNotNull();
                }
            } else {
                assertThat(field).isInstanceOf(ObjectSchema.class);
            }
        }));
    }

    @Test
    void rejectsNonStructClasses() {
        assertThatThrownBy(() -> registry.forModel(String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.forModel(io.fabric8.kubernetes.api.model.Quantity.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void handBuiltSchemas() {
        ObjectSchema scale = ObjectSchema.of("ScaleSpec", Map.of("replicas", PrimitiveSchema.INT32));
        assertThat(scale.fields()).containsOnlyKeys("replicas");
        assertThatThrownBy(() -> new ArraySchema(PrimitiveSchema.STRING, ListType.MAP, List.of(),
                PatchStrategy.REPLACE, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArraySchema(PrimitiveSchema.STRING, ListType.ATOMIC, List.of(),
                PatchStrategy.REPLACE, "name", false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectSchema struct(ObjectSchema parent, String field) {
        TypeSchema schema = parent.field(field);
        assertThat(schema).as(parent.name() + "." + field).isInstanceOf(ObjectSchema.class);
        return (ObjectSchema) schema;
    }

    private static ArraySchema array(ObjectSchema parent, String field) {
        TypeSchema schema = parent.field(field);
        assertThat(schema).as(parent.name() + "." + field).isInstanceOf(ArraySchema.class);
        return (ArraySchema) schema;
    }

    /** Resolves every struct reachable from {@code root}; returns how many there are. */
    private static int walk(TypeSchema root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TypeSchema> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            TypeSchema s = todo.remove(todo.size() - 1);
            if (s instanceof ObjectSchema o && seen.add(o)) {
                todo.addAll(o.fields().values());
            } else if (s instanceof ArraySchema a) {
                todo.add(a.items());
            } else if (s instanceof MapSchema m) {
                todo.add(m.values());
            }
        }
        return seen.size();
    }
}
