package io.kubesim.server.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Validation of a container's {@code resources} (requests and limits): resource names, quantity
 * syntax and sign, requests not above limits, and requests equal to limits for resources that
 * cannot be overcommitted (extended resources, huge pages). Stateless and thread-safe.
 */
public final class ResourceValidation {

    private static final Set<String> CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> STANDARD_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage",
            "requests.cpu", "requests.memory", "requests.ephemeral-storage", "requests.storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "services",
            "replicationcontrollers", "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims",
            "services.nodeports", "services.loadbalancers", "storage");

    private ResourceValidation() {
    }

    /** Errors in a ResourceRequirements object; {@code resources} may be null. */
    public static List<FieldError> validateRequirements(JsonNode resources, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath limPath = path.child("limits");
        FieldPath reqPath = path.child("requests");
        Map<String, Quantity> limits = quantities(resources, "limits", limPath, errs);
        Map<String, Quantity> requests = quantities(resources, "requests", reqPath, errs);
        boolean computeSeen = false;
        boolean hugePagesSeen = false;
        for (String name : limits.keySet()) {
            computeSeen |= name.equals("cpu") || name.equals("memory");
            hugePagesSeen |= isHugePages(name);
        }
        for (Map.Entry<String, Quantity> e : requests.entrySet()) {
            String name = e.getKey();
            Quantity q = e.getValue();
            Quantity limit = limits.get(name);
            if (limit != null) {
                if (q.compareTo(limit) != 0 && !overcommitAllowed(name)) {
                    errs.add(FieldError.invalid(reqPath.value(), q.canonical(),
                            "must be equal to " + name + " limit of " + limit.canonical()));
                } else if (q.compareTo(limit) > 0) {
                    errs.add(FieldError.invalid(reqPath.value(), q.canonical(),
                            "must be less than or equal to " + name + " limit of " + limit.canonical()));
                }
            } else if (!overcommitAllowed(name)) {
                errs.add(FieldError.required(limPath.value(), "Limit must be set for non overcommitable resources"));
            }
            computeSeen |= name.equals("cpu") || name.equals("memory");
            hugePagesSeen |= isHugePages(name);
        }
        if (hugePagesSeen && !computeSeen) {
            errs.add(FieldError.forbidden(path.value(), "HugePages require cpu or memory"));
        }
        return errs;
    }

    /** Parses every quantity of a resource list, reporting names and values that are invalid. */
    private static Map<String, Quantity> quantities(JsonNode resources, String field, FieldPath path,
                                                    List<FieldError> errs) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        JsonNode list = resources == null ? null : resources.get(field);
        if (list == null || !list.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : list.properties()) {
            String name = e.getKey();
            FieldPath p = path.key(name);
            errs.addAll(validateResourceName(name, p));
            String text = quantityText(e.getValue());
            String problem = Quantity.problem(text);
            if (problem != null) {
                errs.add(FieldError.invalid(p.value(), text, problem));
                continue;
            }
            Quantity q = Quantity.parse(text);
            if (q.signum() < 0) {
                errs.add(FieldError.invalid(p.value(), q.canonical(), ObjectMetaValidation.IS_NEGATIVE));
            }
            if (isExtended(name) && q.value().stripTrailingZeros().scale() > 0) {
                errs.add(FieldError.invalid(p.value(), new GoRepr(q.canonical()), "must be an integer"));
            }
            out.put(name, q);
        }
        return out;
    }

    /** A quantity as JSON carries it: a string, or a plain number. */
    public static String quantityText(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
    }

    private static List<FieldError> validateResourceName(String name, FieldPath p) {
        List<FieldError> errs = new ArrayList<>(Checks.qualifiedName(name, p));
        if (!errs.isEmpty()) {
            return errs;
        }
        boolean prefixed = name.contains("/");
        if (!prefixed && !STANDARD_RESOURCES.contains(name) && !isHugePages(name)) {
            errs.add(FieldError.invalid(p.value(), name, "must be a standard resource type or fully qualified"));
        }
        if (!prefixed) {
            if (!CONTAINER_RESOURCES.contains(name) && !isHugePages(name)) {
                errs.add(FieldError.invalid(p.value(), name, "must be a standard resource for containers"));
            }
        } else if (!isNative(name) && !isExtendedName(name)) {
            errs.add(FieldError.invalid(p.value(), name, "doesn't follow extended resource name standard"));
        }
        return errs;
    }

    private static boolean isHugePages(String name) {
        return name.startsWith("hugepages-");
    }

    private static boolean isNative(String name) {
        return !name.contains("/") || name.contains("kubernetes.io/");
    }

    private static boolean isExtended(String name) {
        return !isNative(name) && isExtendedName(name);
    }

    private static boolean isExtendedName(String name) {
        return !name.startsWith("requests.") && NameValidation.qualifiedName("requests." + name).isEmpty();
    }

    private static boolean overcommitAllowed(String name) {
        return isNative(name) && !isHugePages(name);
    }
}
