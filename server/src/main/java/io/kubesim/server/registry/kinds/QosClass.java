package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.validation.Quantity;
import io.kubesim.server.validation.ResourceValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod's quality-of-service class (Guaranteed, Burstable, BestEffort) from the cpu and memory
 * requests and limits of its regular and init containers, by upstream's rules. Unparsable
 * quantities are ignored (validation reports them). Stateless and thread-safe.
 */
final class QosClass {

    private static final Set<String> COMPUTE = Set.of("cpu", "memory");

    private QosClass() {
    }

    static String of(JsonNode spec) {
        Map<String, Quantity> requests = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        boolean guaranteed = true;
        List<ObjectNode> containers = new ArrayList<>(Trees.objects(spec, "containers"));
        containers.addAll(Trees.objects(spec, "initContainers"));
        for (ObjectNode c : containers) {
            ObjectNode resources = Trees.object(c, "resources");
            sum(Trees.object(resources, "requests"), requests);
            Set<String> limitsFound = sum(Trees.object(resources, "limits"), limits);
            if (!limitsFound.containsAll(COMPUTE)) {
                guaranteed = false;
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (Map.Entry<String, Quantity> e : requests.entrySet()) {
                Quantity limit = limits.get(e.getKey());
                if (limit == null || limit.compareTo(e.getValue()) != 0) {
                    guaranteed = false;
                    break;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    /** Adds the positive cpu/memory quantities of {@code list} to {@code totals}; returns the names seen. */
    private static Set<String> sum(ObjectNode list, Map<String, Quantity> totals) {
        Set<String> seen = new HashSet<>();
        if (list == null) {
            return seen;
        }
        for (String name : COMPUTE) {
            String text = list.has(name) ? ResourceValidation.quantityText(list.get(name)) : null;
            if (text == null || Quantity.problem(text) != null) {
                continue;
            }
            Quantity q = Quantity.parse(text);
            if (q.signum() > 0) {
                seen.add(name);
                totals.merge(name, q, Quantity::plus);
            }
        }
        return seen;
    }
}
