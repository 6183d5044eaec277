package io.kubesim.controllers.nodelifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.kubesim.controllers.support.Taints;
import io.kubesim.controllers.support.Times;

/**
 * The taints the node lifecycle controller owns, derived from the node's conditions and
 * {@code spec.unschedulable} (upstream's TaintNodesByCondition and taint-based eviction):
 * NoSchedule {@code not-ready}/{@code unreachable} for Ready False/Unknown, the pressure and
 * network-unavailable taints for those conditions, {@code unschedulable} for a cordoned node, and
 * the NoExecute {@code not-ready}/{@code unreachable} taints that drive eviction. Other taints are
 * left alone; a kept taint keeps its {@code timeAdded}. Stateless.
 */
final class ControllerTaints {

    private record Key(String key, String effect) {
    }

    private static final Map<String, Map<String, String>> CONDITION_TAINTS = Map.of(
            "Ready", Map.of("False", Taints.NOT_READY, "Unknown", Taints.UNREACHABLE),
            "MemoryPressure", Map.of("True", Taints.MEMORY_PRESSURE),
            "DiskPressure", Map.of("True", Taints.DISK_PRESSURE),
            "NetworkUnavailable", Map.of("True", Taints.NETWORK_UNAVAILABLE),
            "PIDPressure", Map.of("True", Taints.PID_PRESSURE));

    private static final Set<Key> MANAGED = Set.of(
            new Key(Taints.NOT_READY, Taints.NO_SCHEDULE), new Key(Taints.UNREACHABLE, Taints.NO_SCHEDULE),
            new Key(Taints.MEMORY_PRESSURE, Taints.NO_SCHEDULE), new Key(Taints.DISK_PRESSURE, Taints.NO_SCHEDULE),
            new Key(Taints.NETWORK_UNAVAILABLE, Taints.NO_SCHEDULE), new Key(Taints.PID_PRESSURE, Taints.NO_SCHEDULE),
            new Key(Taints.UNSCHEDULABLE, Taints.NO_SCHEDULE),
            new Key(Taints.NOT_READY, Taints.NO_EXECUTE), new Key(Taints.UNREACHABLE, Taints.NO_EXECUTE));

    private ControllerTaints() {
    }

    /** The node's full taint list as it should be, or empty when it already is. */
    static Optional<List<Taint>> reconcile(Node node, Instant now) {
        Set<Key> wanted = new LinkedHashSet<>();
        List<NodeCondition> conditions = node.getStatus() == null || node.getStatus().getConditions() == null
                ? List.of() : node.getStatus().getConditions();
        for (NodeCondition c : conditions) {
            String key = CONDITION_TAINTS.getOrDefault(c.getType(), Map.of()).get(c.getStatus());
            if (key != null) {
                wanted.add(new Key(key, Taints.NO_SCHEDULE));
                if (c.getType().equals("Ready")) {
                    wanted.add(new Key(key, Taints.NO_EXECUTE));
                }
            }
        }
        if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            wanted.add(new Key(Taints.UNSCHEDULABLE, Taints.NO_SCHEDULE));
        }
        List<Taint> current = Taints.of(node.getSpec() == null ? null : node.getSpec().getTaints());
        List<Taint> next = new ArrayList<>();
        Set<Key> present = new LinkedHashSet<>();
        boolean changed = false;
        for (Taint t : current) {
            Key k = new Key(t.getKey(), t.getEffect());
            if (MANAGED.contains(k) && !wanted.contains(k)) {
                changed = true;
                continue;
            }
            present.add(k);
            next.add(t);
        }
        for (Key k : wanted) {
            if (!present.contains(k)) {
                next.add(new TaintBuilder().withKey(k.key()).withEffect(k.effect())
                        .withTimeAdded(Times.format(now)).build());
                changed = true;
            }
        }
        return changed ? Optional.of(next) : Optional.empty();
    }
}
