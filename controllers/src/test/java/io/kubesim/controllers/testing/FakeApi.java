package io.kubesim.controllers.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.support.DeepCopy;
import io.kubesim.controllers.support.Times;

/**
 * An in-memory API server for reconciler tests: stores that double as instantly synced informer
 * caches, uid/resourceVersion/generateName/generation handling, optimistic concurrency (409 on a
 * stale resourceVersion), AlreadyExists, failure injection and a log of writes. Thread-safe.
 */
public final class FakeApi {

    public final MemoryStore<Pod> pods = new MemoryStore<>();
    public final MemoryStore<ReplicaSet> replicaSets = new MemoryStore<>();
    public final MemoryStore<Deployment> deployments = new MemoryStore<>();
    public final MemoryStore<StatefulSet> statefulSets = new MemoryStore<>();

    private final Clock clock;
    private final AtomicLong revision = new AtomicLong(100);
    private final AtomicLong names = new AtomicLong();
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final Map<String, KubernetesClientException> failures = new ConcurrentHashMap<>();

    public FakeApi(Clock clock) {
        this.clock = clock;
    }

    /** Writes as {@code "verb kind name"}, e.g. {@code "create Pod web-0"}, {@code "status ReplicaSet rs"}. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    public void clearWrites() {
        writes.clear();
    }

    /** Makes every {@code verb} of {@code kind} (e.g. "create", "Pod") fail with {@code code} until cleared. */
    public void fail(String verb, String kind, int code, String message) {
        failures.put(verb + " " + kind, new KubernetesClientException(new StatusBuilder().withCode(code)
                .withMessage(message).withReason(code == 403 ? "Forbidden" : "InternalError").build()));
    }

    public void clearFailures() {
        failures.clear();
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> MemoryStore<T> store(T object) {
        return (MemoryStore<T>) switch (object.getKind()) {
            case "Pod" -> pods;
            case "ReplicaSet" -> replicaSets;
            case "Deployment" -> deployments;
            case "StatefulSet" -> statefulSets;
            default -> throw new IllegalArgumentException(object.getKind());
        };
    }

    private void check(String verb, String kind) {
        KubernetesClientException e = failures.get(verb + " " + kind);
        if (e != null) {
            throw e;
        }
    }

    /** Stores a new object as the API server would: name from generateName, uid, resourceVersion, generation. */
    public <T extends HasMetadata> T create(T object) {
        check("create", object.getKind());
        T copy = copy(object);
        var meta = copy.getMetadata();
        if (meta.getName() == null || meta.getName().isEmpty()) {
            meta.setName(meta.getGenerateName() + String.format("%05d", names.incrementAndGet()));
        }
        MemoryStore<T> store = store(copy);
        synchronized (this) {
            if (store.get(meta.getNamespace(), meta.getName()) != null) {
                throw new KubernetesClientException(new StatusBuilder().withCode(409).withReason("AlreadyExists")
                        .withMessage(copy.getKind().toLowerCase() + "s \"" + meta.getName() + "\" already exists")
                        .build());
            }
            meta.setUid("uid-" + meta.getName() + "-" + revision.incrementAndGet());
            meta.setResourceVersion(Long.toString(revision.incrementAndGet()));
            meta.setCreationTimestamp(Times.now(clock));
            if (copy instanceof Pod pod) {
                pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Pending").build());
            } else {
                meta.setGeneration(1L);
            }
            store.put(copy);
        }
        writes.add("create " + copy.getKind() + " " + meta.getName());
        return copy(copy);
    }

    /** Replaces the object (spec and metadata); its status stays. 409 on a stale resourceVersion. */
    public <T extends HasMetadata> T update(T object) {
        return replace(object, false);
    }

    /** Replaces only the status. 409 on a stale resourceVersion. */
    public <T extends HasMetadata> T updateStatus(T object) {
        return replace(object, true);
    }

    private <T extends HasMetadata> T replace(T object, boolean status) {
        check(status ? "status" : "update", object.getKind());
        MemoryStore<T> store = store(object);
        T stored;
        synchronized (this) {
            T current = store.get(object.getMetadata().getNamespace(), object.getMetadata().getName());
            if (current == null) {
                throw new KubernetesClientException(new StatusBuilder().withCode(404).withReason("NotFound")
                        .withMessage("not found").build());
            }
            if (!Objects.equals(current.getMetadata().getResourceVersion(),
                    object.getMetadata().getResourceVersion())) {
                throw new KubernetesClientException(new StatusBuilder().withCode(409).withReason("Conflict")
                        .withMessage("the object has been modified").build());
            }
            stored = status ? withStatusOf(copy(current), object) : withStatusOf(copy(object), current);
            if (!status && !(stored instanceof Pod) && !Objects.equals(specOf(current), specOf(stored))) {
                stored.getMetadata().setGeneration(current.getMetadata().getGeneration() + 1);
            }
            stored.getMetadata().setResourceVersion(Long.toString(revision.incrementAndGet()));
            store.put(stored);
        }
        writes.add((status ? "status " : "update ") + object.getKind() + " " + object.getMetadata().getName());
        return copy(stored);
    }

    /** Removes the object; false if there was none. */
    public boolean delete(String kind, String namespace, String name) {
        check("delete", kind);
        MemoryStore<?> store = switch (kind) {
            case "Pod" -> pods;
            case "ReplicaSet" -> replicaSets;
            case "Deployment" -> deployments;
            default -> statefulSets;
        };
        boolean existed;
        synchronized (this) {
            existed = store.get(namespace, name) != null;
            store.remove(namespace, name);
        }
        if (existed) {
            writes.add("delete " + kind + " " + name);
        }
        return existed;
    }

    public <T extends HasMetadata> T get(T object) {
        T current = store(object).get(object.getMetadata().getNamespace(), object.getMetadata().getName());
        return copy(current);
    }

    /** Writes made so far matching {@code prefix}. */
    public List<String> writes(String prefix) {
        List<String> out = new ArrayList<>();
        for (String w : writes) {
            if (w.startsWith(prefix)) {
                out.add(w);
            }
        }
        return out;
    }

    private static Object specOf(HasMetadata o) {
        if (o instanceof ReplicaSet rs) {
            return rs.getSpec();
        }
        if (o instanceof Deployment d) {
            return d.getSpec();
        }
        return o instanceof StatefulSet s ? s.getSpec() : null;
    }

    private static <T extends HasMetadata> T withStatusOf(T target, HasMetadata source) {
        if (target instanceof Pod p) {
            p.setStatus(copy(((Pod) source).getStatus()));
        } else if (target instanceof ReplicaSet rs) {
            rs.setStatus(copy(((ReplicaSet) source).getStatus()));
        } else if (target instanceof Deployment d) {
            d.setStatus(copy(((Deployment) source).getStatus()));
        } else if (target instanceof StatefulSet s) {
            s.setStatus(copy(((StatefulSet) source).getStatus()));
        }
        return target;
    }

    private static <T> T copy(T o) {
        return DeepCopy.of(o);
    }
}
