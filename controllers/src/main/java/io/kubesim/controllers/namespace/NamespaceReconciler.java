package io.kubesim.controllers.namespace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceCondition;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.fabric8.kubernetes.api.model.NamespaceStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ObjectStore;
import io.kubesim.controllers.support.ServedKind;
import io.kubesim.controllers.support.Times;

/**
 * Empties a terminating namespace (key: its name) and releases it: deletes every namespaced
 * object of every served kind, waits (requeueing) while content remains — pods on nodes until
 * their node agent finishes them, objects with finalizers until those are removed — reports
 * progress in the namespace's deletion conditions, and finally removes the {@code kubernetes}
 * finalizer through {@code namespaces/NAME/finalize}. Thread-safe for distinct keys.
 */
final class NamespaceReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceReconciler.class);
    static final String FINALIZER = "kubernetes";
    /** Upstream's guess for how long content with finalizers takes to go. */
    static final long FINALIZER_ESTIMATE_SECONDS = 15;

    private final ObjectStore<Namespace> namespaces;
    private final NamespaceContent content;
    private final NamespaceWriter writer;
    private final Clock clock;

    NamespaceReconciler(ObjectStore<Namespace> namespaces, NamespaceContent content, NamespaceWriter writer,
                        Clock clock) {
        this.namespaces = namespaces;
        this.content = content;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public Result reconcile(String name) {
        Namespace ns = namespaces.get(null, name);
        if (ns == null || ns.getMetadata().getDeletionTimestamp() == null) {
            return Result.DONE;
        }
        List<String> finalizers = ns.getSpec() == null || ns.getSpec().getFinalizers() == null ? List.of()
                : ns.getSpec().getFinalizers();
        if (!finalizers.contains(FINALIZER)) {
            return Result.DONE;
        }
        Instant now = clock.instant();
        ContentReport report = deleteContent(name, now);
        NamespaceStatus current = ns.getStatus() == null ? new NamespaceStatus() : ns.getStatus();
        List<NamespaceCondition> conditions = NamespaceConditions.update(current.getConditions(), report, now);
        if (!"Terminating".equals(current.getPhase()) || !NamespaceConditions.same(current.getConditions(), conditions)) {
            // finalize against the namespace just written, not the cache that has not seen it yet
            ns = writer.updateStatus(ns, new NamespaceStatusBuilder(current).withPhase("Terminating")
                    .withConditions(conditions).build());
        }
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException("namespace " + name + ": " + String.join("; ", report.failures()));
        }
        if (!report.empty()) {
            // as upstream: look again after half the estimate, and at least every second
            return Result.requeueAfter(Duration.ofSeconds(report.estimateSeconds() / 2 + 1));
        }
        List<String> rest = new ArrayList<>(finalizers);
        rest.remove(FINALIZER);
        writer.release(ns, rest);
        LOG.info("namespace {} emptied and finalized", name);
        return Result.DONE;
    }

    private ContentReport deleteContent(String namespace, Instant now) {
        Map<String, Integer> byResource = new LinkedHashMap<>();
        Map<String, Integer> byFinalizer = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long estimate = 0;
        for (ServedKind kind : ServedKind.ALL) {
            if (!kind.namespaced()) {
                continue;
            }
            String resource = kind.plural() + "." + kind.group();
            try {
                content.deleteAll(kind, namespace);
                List<? extends HasMetadata> left = content.remaining(kind, namespace);
                byResource.put(resource, left.size());
                for (HasMetadata o : left) {
                    List<String> fins = o.getMetadata().getFinalizers() == null ? List.of()
                            : o.getMetadata().getFinalizers();
                    fins.forEach(f -> byFinalizer.merge(f, 1, Integer::sum));
                    estimate = Math.max(estimate, estimateSeconds(o, fins, now));
                }
            } catch (KubernetesClientException e) {
                failures.add("failed to delete " + resource + ": " + e.getMessage());
            }
        }
        return ContentReport.of(byResource, byFinalizer, failures, estimate);
    }

    /** Seconds until {@code o} is expected to go: a terminating pod's remaining grace, or the finalizer guess. */
    private static long estimateSeconds(HasMetadata o, List<String> finalizers, Instant now) {
        long estimate = finalizers.isEmpty() ? 0 : FINALIZER_ESTIMATE_SECONDS;
        if (o instanceof Pod pod) {
            Instant deadline = Times.parse(pod.getMetadata().getDeletionTimestamp());
            if (deadline != null) {
                estimate = Math.max(estimate, Math.max(0, Duration.between(now, deadline).toSeconds()));
            } else if (pod.getSpec() != null && pod.getSpec().getTerminationGracePeriodSeconds() != null) {
                estimate = Math.max(estimate, pod.getSpec().getTerminationGracePeriodSeconds());
            }
        }
        return estimate;
    }
}
