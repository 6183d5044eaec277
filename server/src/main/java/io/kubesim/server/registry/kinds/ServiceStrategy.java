package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.GoRepr;
import io.kubesim.server.validation.NameRule;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Services ({@code v1}): defaults (type ClusterIP, session affinity None, TCP ports, target port =
 * port, traffic policies, IPv4 single-stack IP families), DNS-1035 names, and allocation of cluster
 * IPs and node ports while a create or update is prepared.
 *
 * <p>Allocation happens in {@link #prepareForCreate}/{@link #prepareForUpdate}, before validation,
 * as upstream does; a failed allocation throws {@link ApiException} ({@code Invalid} for a requested
 * address or port that is taken or out of range, {@code InternalError} when a range is full) after
 * undoing its own reservations. Reservations are owned by the service's uid. The owner of the
 * service store must call {@link #release} whenever a prepared object does not end up stored or a
 * stored one is replaced or removed.
 *
 * <p>Thread-safe as long as the allocators are (the strategy itself holds no mutable state).
 */
public final class ServiceStrategy implements ResourceStrategy, NameRule.Provider {

    private final ClusterIpAllocator clusterIps;
    private final NodePortAllocator nodePorts;

    public ServiceStrategy(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts) {
        this.clusterIps = clusterIps;
        this.nodePorts = nodePorts;
    }

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1035_LABEL;
    }

    @Override
    public void applyDefaults(ObjectNode svc) {
        ServiceDefaults.apply(svc);
    }

    @Override
    public void prepareForCreate(ObjectNode svc) {
        svc.putObject("status").putObject("loadBalancer");
        ServiceDefaults.initIpFamilies(svc);
        allocate(svc, null);
    }

    @Override
    public void prepareForUpdate(ObjectNode svc, ObjectNode old) {
        ServiceDefaults.syncClusterIpsOnUpdate(svc, old);
        ServiceDefaults.patchAllocatedValues(svc, old);
        ServiceDefaults.dropTypeDependentFields(svc, old);
        ServiceDefaults.initIpFamilies(svc);
        allocate(svc, old);
    }

    @Override
    public List<FieldError> validate(ObjectNode svc) {
        return ServiceValidation.validate(svc);
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode svc, ObjectNode old) {
        return ServiceValidation.validateUpdate(svc, old);
    }

    @Override
    public List<FieldError> validateStatusUpdate(ObjectNode svc, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = FieldPath.of("status", "loadBalancer", "ingress");
        List<ObjectNode> ingress = Trees.objects(Trees.objectAt(svc, "status", "loadBalancer"), "ingress");
        for (int i = 0; i < ingress.size(); i++) {
            String ip = Trees.textOrEmpty(ingress.get(i), "ip");
            if (!ip.isEmpty() && !NameValidation.isIp(ip)) {
                errs.add(FieldError.invalid(path.index(i).child("ip").value(), ip, "must be a valid IP address"));
            }
            String host = Trees.textOrEmpty(ingress.get(i), "hostname");
            if (!host.isEmpty()) {
                errs.addAll(Checks.dns1123Subdomain(host, path.index(i).child("hostname")));
                if (NameValidation.isIp(host)) {
                    errs.add(FieldError.invalid(path.index(i).child("hostname").value(), host,
                            "must be a DNS name, not an IP address"));
                }
            }
        }
        return errs;
    }

    /**
     * Frees the cluster IPs and node ports {@code abandoned} holds that {@code kept} does not.
     * Call it with (old, new) after a stored update, (old, null) after a delete, (attempt, null)
     * when a prepared create was not stored (invalid, conflict, dry run) and (attempt, old) when a
     * prepared update was not stored. Only reservations owned by {@code abandoned}'s uid are freed.
     */
    public void release(ObjectNode abandoned, ObjectNode kept) {
        String owner = owner(abandoned);
        Set<String> keptIps = new HashSet<>(held(kept).ips());
        Set<Integer> keptPorts = new HashSet<>(held(kept).ports());
        Held gone = held(abandoned);
        gone.ips().stream().filter(ip -> !keptIps.contains(ip)).forEach(ip -> clusterIps.release(ip, owner));
        gone.ports().stream().filter(p -> !keptPorts.contains(p)).forEach(p -> nodePorts.release(p, owner));
    }

    @Override
    public void afterWrite(ObjectNode prepared, ObjectNode previous, boolean stored) {
        if (prepared == null) {
            if (stored && previous != null) {
                release(previous, null);
            }
        } else if (stored) {
            if (previous != null) {
                release(previous, prepared);
            }
        } else {
            release(prepared, previous);
        }
    }

    /** Reservations a stored service holds; use it to rebuild the allocators at start-up. */
    public static Held held(JsonNode svc) {
        if (svc == null) {
            return new Held(List.of(), List.of());
        }
        List<String> ips = ServiceShape.needsClusterIp(svc) ? ServiceShape.clusterIps(svc) : List.of();
        List<Integer> ports = new ArrayList<>();
        JsonNode spec = ServiceShape.spec(svc);
        Trees.objects(spec, "ports").forEach(p -> addPort(ports, Trees.integer(p, "nodePort", 0)));
        addPort(ports, Trees.integer(spec, "healthCheckNodePort", 0));
        return new Held(ips, ports);
    }

    /** The owner key of a service's reservations: its uid (namespace/name before it has one). */
    public static String owner(JsonNode svc) {
        JsonNode meta = svc.get("metadata");
        String uid = Trees.textOrEmpty(meta, "uid");
        return uid.isEmpty() ? Trees.textOrEmpty(meta, "namespace") + "/" + Trees.textOrEmpty(meta, "name") : uid;
    }

    /** Cluster IPs and node ports (including the health-check port) one service holds. */
    public record Held(List<String> ips, List<Integer> ports) {
    }

    private static void addPort(List<Integer> ports, long port) {
        if (port > 0 && port <= 65535 && !ports.contains((int) port)) {
            ports.add((int) port);
        }
    }

    private void allocate(ObjectNode svc, ObjectNode old) {
        String owner = owner(svc);
        List<String> newIps = new ArrayList<>();
        List<Integer> newPorts = new ArrayList<>();
        try {
            allocateClusterIps(svc, old, owner, newIps);
            allocateNodePorts(svc, old, owner, newPorts);
        } catch (RuntimeException e) {
            newIps.forEach(ip -> clusterIps.release(ip, owner));
            newPorts.forEach(p -> nodePorts.release(p, owner));
            throw e;
        }
    }

    private void allocateClusterIps(ObjectNode svc, ObjectNode old, String owner, List<String> allocated) {
        if (!ServiceShape.needsClusterIp(svc) || ServiceShape.isHeadless(svc)) {
            return;
        }
        ObjectNode spec = Trees.child(svc, "spec");
        List<String> requested = ServiceShape.clusterIps(svc);
        List<String> before = old != null && ServiceShape.needsClusterIp(old) ? ServiceShape.clusterIps(old) : List.of();
        if (requested.isEmpty()) {
            if (old != null && ServiceShape.needsClusterIp(old)) {
                return;
            }
            String ip = wrap(() -> clusterIps.allocateNext(owner), null, svc);
            allocated.add(ip);
            spec.put("clusterIP", ip);
            spec.putArray("clusterIPs").add(ip);
            return;
        }
        for (String ip : requested) {
            if (before.contains(ip) || NameValidation.ipv4(ip) == null || allocated.contains(ip)) {
                continue;
            }
            wrap(() -> {
                clusterIps.allocate(ip, owner);
                return ip;
            }, ip, svc);
            allocated.add(ip);
        }
    }

    private String wrap(Supplier<String> op, String requestedIp, ObjectNode svc) {
        try {
            return op.get();
        } catch (AllocationException e) {
            if (e.kind() == AllocationException.Kind.FULL) {
                throw ApiException.internal("failed to allocate a serviceIP: " + e.getMessage());
            }
            throw invalid(svc, FieldError.invalid("spec.clusterIPs",
                    GoRepr.stringSlice(Trees.strings(ServiceShape.spec(svc), "clusterIPs")),
                    "failed to allocate IP " + requestedIp + ": " + e.getMessage()));
        }
    }

    private void allocateNodePorts(ObjectNode svc, ObjectNode old, String owner, List<Integer> allocated) {
        ObjectNode spec = Trees.child(svc, "spec");
        Set<Integer> before = old == null ? Set.of() : new HashSet<>(held(old).ports());
        if (ServiceShape.needsNodePorts(svc)) {
            List<ObjectNode> ports = Trees.objects(spec, "ports");
            Map<Long, Integer> byServicePort = new HashMap<>();
            for (int i = 0; i < ports.size(); i++) {
                int requested = (int) Trees.integer(ports.get(i), "nodePort", 0);
                if (requested != 0) {
                    reservePort(requested, owner, before, allocated, svc, "spec.ports[" + i + "].nodePort", "");
                    byServicePort.putIfAbsent(Trees.integer(ports.get(i), "port", 0), requested);
                }
            }
            for (ObjectNode port : ports) {
                if (Trees.integer(port, "nodePort", 0) == 0) {
                    Integer shared = byServicePort.get(Trees.integer(port, "port", 0));
                    int chosen = shared != null ? shared : nextPort(owner, allocated);
                    byServicePort.putIfAbsent(Trees.integer(port, "port", 0), chosen);
                    port.put("nodePort", chosen);
                }
            }
        }
        if (ServiceShape.needsHealthCheckNodePort(svc)) {
            int requested = (int) Trees.integer(spec, "healthCheckNodePort", 0);
            if (requested == 0) {
                spec.put("healthCheckNodePort", nextPort(owner, allocated));
            } else {
                reservePort(requested, owner, before, allocated, svc, "spec.healthCheckNodePort",
                        "failed to allocate requested HealthCheck NodePort " + requested + ": ");
            }
        }
    }

    private void reservePort(int port, String owner, Set<Integer> before, List<Integer> allocated, ObjectNode svc,
                             String field, String prefix) {
        if (before.contains(port) || allocated.contains(port)) {
            return;
        }
        try {
            nodePorts.allocate(port, owner);
            allocated.add(port);
        } catch (AllocationException e) {
            throw invalid(svc, FieldError.invalid(field, (long) port, prefix + e.getMessage()));
        }
    }

    private int nextPort(String owner, List<Integer> allocated) {
        try {
            int port = nodePorts.allocateNext(owner);
            allocated.add(port);
            return port;
        } catch (AllocationException e) {
            throw ApiException.internal("failed to allocate a nodePort: " + e.getMessage());
        }
    }

    private static ApiException invalid(ObjectNode svc, FieldError error) {
        return ApiException.invalid("", "Service", Trees.textOrEmpty(svc.get("metadata"), "name"), List.of(error));
    }
}
