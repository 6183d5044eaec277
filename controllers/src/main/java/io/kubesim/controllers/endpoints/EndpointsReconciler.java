package io.kubesim.controllers.endpoints;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.Keys;
import io.kubesim.controllers.runtime.Reconciler;
import io.kubesim.controllers.runtime.Result;
import io.kubesim.controllers.support.ApiErrors;
import io.kubesim.controllers.support.EventSink;
import io.kubesim.controllers.support.ObjectStore;

/**
 * Keeps the Endpoints of one Service ({@code namespace/name} key) equal to its selected pods, as
 * the 1.32 endpoints controller does: services without a selector (such as {@code kubernetes}) and
 * ExternalName services are left alone, the Endpoints carry the service's labels (plus
 * {@code service.kubernetes.io/headless} for headless services), the trigger-time annotation and,
 * beyond 1000 addresses, {@code endpoints.kubernetes.io/over-capacity: truncated}. The
 * {@code endpoints.kubernetes.io/managed-by} label only arrived in 1.33 and is not set. Endpoints
 * of deleted services are deleted. Thread-safe for distinct keys.
 */
final class EndpointsReconciler implements Reconciler {

    static final String HEADLESS_LABEL = "service.kubernetes.io/headless";
    static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
    static final String OVER_CAPACITY = "endpoints.kubernetes.io/over-capacity";

    private final ObjectStore<Service> services;
    private final ObjectStore<Pod> pods;
    private final ObjectStore<Endpoints> endpoints;
    private final EndpointsWriter writer;
    private final EventSink events;
    private final TriggerTimes triggerTimes = new TriggerTimes();

    EndpointsReconciler(ObjectStore<Service> services, ObjectStore<Pod> pods, ObjectStore<Endpoints> endpoints,
                        EndpointsWriter writer, EventSink events) {
        this.services = services;
        this.pods = pods;
        this.endpoints = endpoints;
        this.writer = writer;
        this.events = events;
    }

    @Override
    public Result reconcile(String key) {
        String namespace = Keys.namespace(key);
        String name = Keys.name(key);
        Service svc = services.get(namespace, name);
        if (svc == null) {
            triggerTimes.forget(key);
            if (endpoints.get(namespace, name) != null) {
                writer.delete(namespace, name);
            }
            return Result.DONE;
        }
        // An empty selector is no selector: the API never stores an empty map.
        if ("ExternalName".equals(svc.getSpec().getType()) || svc.getSpec().getSelector() == null
                || svc.getSpec().getSelector().isEmpty()) {
            return Result.DONE;
        }
        List<Pod> selected = pods.list(namespace).stream().filter(p -> selects(svc.getSpec().getSelector(), p)).toList();
        Instant trigger = triggerTimes.compute(key, svc, selected);
        List<EndpointSubset> subsets = EndpointSubsets.build(svc, selected);
        Endpoints current = endpoints.get(namespace, name);
        Map<String, String> labels = new LinkedHashMap<>(svc.getMetadata().getLabels() == null ? Map.of()
                : svc.getMetadata().getLabels());
        if (isHeadless(svc)) {
            labels.put(HEADLESS_LABEL, "");
        }
        List<EndpointSubset> truncated = Truncation.truncate(subsets);
        if (current != null && sameSubsets(current.getSubsets(), subsets)
                && Objects.equals(orEmpty(current.getMetadata().getLabels()), labels)
                && (truncated == null) == !annotations(current).containsKey(OVER_CAPACITY)) {
            return Result.DONE;
        }
        Map<String, String> annotations = new LinkedHashMap<>(current == null ? Map.of() : annotations(current));
        if (trigger != null) {
            annotations.put(TRIGGER_TIME, DateTimeFormatter.ISO_INSTANT.format(trigger));
        } else {
            annotations.remove(TRIGGER_TIME);
        }
        if (truncated != null) {
            annotations.put(OVER_CAPACITY, "truncated");
        } else {
            annotations.remove(OVER_CAPACITY);
        }
        Endpoints desired = new EndpointsBuilder(current == null ? new Endpoints() : current)
                .editOrNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withAnnotations(annotations.isEmpty() ? null : annotations).endMetadata()
                .withSubsets(truncated != null ? truncated : subsets).build();
        try {
            if (current == null) {
                writer.create(desired);
            } else {
                writer.update(desired);
            }
        } catch (KubernetesClientException e) {
            if (current == null && ApiErrors.isNamespaceTerminating(e)) {
                return Result.DONE;
            }
            if (e.getCode() != 409) {
                String error = ApiErrors.message(e);
                if (current == null) {
                    events.warning(desired, "FailedToCreateEndpoint",
                            "Failed to create endpoint for service " + key + ": " + error);
                } else {
                    events.warning(desired, "FailedToUpdateEndpoint",
                            "Failed to update endpoint " + key + ": " + error);
                }
            }
            throw e;
        }
        return Result.DONE;
    }

    static boolean selects(Map<String, String> selector, Pod pod) {
        Map<String, String> labels = orEmpty(pod.getMetadata().getLabels());
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean isHeadless(Service svc) {
        String ip = svc.getSpec().getClusterIP();
        return ip == null || ip.isEmpty() || "None".equals(ip);
    }

    private record AddressView(String ip, String hostname, String nodeName, String kind, String namespace,
                               String name, String uid) {
    }

    private record SubsetView(List<AddressView> ready, List<AddressView> notReady, List<EndpointPort> ports) {
    }

    /** Equal subsets, ignoring the pods' resourceVersions in target references. */
    private static boolean sameSubsets(List<EndpointSubset> a, List<EndpointSubset> b) {
        return view(a).equals(view(b));
    }

    private static List<SubsetView> view(List<EndpointSubset> subsets) {
        return orEmpty(subsets).stream().map(s -> new SubsetView(addresses(s.getAddresses()), addresses(s.getNotReadyAddresses()),
                orEmpty(s.getPorts()))).toList();
    }

    private static List<AddressView> addresses(List<EndpointAddress> addresses) {
        return orEmpty(addresses).stream().map(a -> {
            ObjectReference r = a.getTargetRef() == null ? new ObjectReference() : a.getTargetRef();
            return new AddressView(a.getIp(), a.getHostname(), a.getNodeName(), r.getKind(), r.getNamespace(),
                    r.getName(), r.getUid());
        }).toList();
    }

    private static Map<String, String> annotations(Endpoints e) {
        return orEmpty(e.getMetadata().getAnnotations());
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
