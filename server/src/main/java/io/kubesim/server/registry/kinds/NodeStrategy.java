package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.GoRepr;
import io.kubesim.server.validation.LabelValidation;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.ObjectMetaValidation;
import io.kubesim.server.validation.Quantity;
import io.kubesim.server.validation.ResourceValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nodes ({@code v1}, cluster-scoped): {@code podCIDR}/{@code podCIDRs} kept in step, allocatable
 * defaulting to capacity, the always-present {@code daemonEndpoints}/{@code nodeInfo} status
 * shapes, taint and resource validation, and {@code podCIDRs}/{@code providerID} immutable once
 * set. Status may be set on create (kubelets register with it). Stateless and thread-safe.
 */
public final class NodeStrategy implements ResourceStrategy {

    private static final List<String> NODE_INFO = List.of("machineID", "systemUUID", "bootID", "kernelVersion",
            "osImage", "containerRuntimeVersion", "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture");
    private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final String PODCIDR_IMMUTABLE = "node updates may not change podCIDR except from \"\" to valid";

    @Override
    public void applyDefaults(ObjectNode node) {
        ObjectNode spec = Trees.child(node, "spec");
        String cidr = Trees.textOrEmpty(spec, "podCIDR");
        List<String> cidrs = Trees.strings(spec, "podCIDRs");
        if (!cidr.isEmpty() && cidrs.isEmpty()) {
            spec.putArray("podCIDRs").add(cidr);
        } else if (cidr.isEmpty() && !cidrs.isEmpty()) {
            spec.put("podCIDR", cidrs.get(0));
        }
        ObjectNode status = Trees.child(node, "status");
        if (Trees.object(status, "capacity") != null && !Trees.isSet(status, "allocatable")) {
            status.set("allocatable", status.get("capacity").deepCopy());
        }
        ObjectNode kubelet = Trees.child(Trees.child(status, "daemonEndpoints"), "kubeletEndpoint");
        Trees.defaultNumber(kubelet, "Port", 0);
        ObjectNode info = Trees.child(status, "nodeInfo");
        NODE_INFO.forEach(f -> {
            if (!info.has(f)) {
                info.put(f, "");
            }
        });
    }

    @Override
    public List<FieldError> validate(ObjectNode node) {
        List<FieldError> errs = new ArrayList<>(validateTaints(Trees.objects(node.get("spec"), "taints")));
        errs.addAll(validateResources(node));
        errs.addAll(validatePodCidrs(Trees.strings(node.get("spec"), "podCIDRs")));
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode node, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>(validateResources(node));
        Set<String> addresses = new HashSet<>();
        List<ObjectNode> list = Trees.objects(node.get("status"), "addresses");
        for (int i = 0; i < list.size(); i++) {
            String type = Trees.textOrEmpty(list.get(i), "type");
            String address = Trees.textOrEmpty(list.get(i), "address");
            if (!addresses.add(type + "/" + address)) {
                errs.add(FieldError.duplicate(FieldPath.of("status", "addresses").index(i).value(),
                        new GoRepr("core.NodeAddress{Type:" + GoRepr.quote(type) + ", Address:" + GoRepr.quote(address) + "}")));
            }
        }
        List<String> before = Trees.strings(old.get("spec"), "podCIDRs");
        List<String> now = Trees.strings(node.get("spec"), "podCIDRs");
        if (!before.isEmpty() && !before.equals(now)) {
            errs.add(FieldError.forbidden("spec.podCIDRs", PODCIDR_IMMUTABLE));
        }
        String providerId = Trees.textOrEmpty(old.get("spec"), "providerID");
        if (!providerId.isEmpty() && !providerId.equals(Trees.textOrEmpty(node.get("spec"), "providerID"))) {
            errs.add(FieldError.forbidden("spec.providerID", "node updates may not change providerID except from \"\" to valid"));
        }
        errs.addAll(validateTaints(Trees.objects(node.get("spec"), "taints")));
        return errs;
    }

    @Override
    public List<FieldError> validateStatusUpdate(ObjectNode node, ObjectNode old) {
        return validateUpdate(node, old);
    }

    /** Upstream reports taint errors under {@code metadata.taints}, a long-standing quirk kept here. */
    private static List<FieldError> validateTaints(List<ObjectNode> taints) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = FieldPath.of("metadata", "taints");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < taints.size(); i++) {
            ObjectNode t = taints.get(i);
            FieldPath p = path.index(i);
            String key = Trees.textOrEmpty(t, "key");
            String value = Trees.textOrEmpty(t, "value");
            String effect = Trees.textOrEmpty(t, "effect");
            errs.addAll(LabelValidation.validateLabelName(key, p.child("key")));
            List<String> msgs = NameValidation.labelValue(value);
            if (!msgs.isEmpty()) {
                errs.add(FieldError.invalid(p.child("value").value(), value, String.join(";", msgs)));
            }
            if (effect.isEmpty()) {
                errs.add(FieldError.required(p.child("effect").value(), ""));
            } else if (!TAINT_EFFECTS.contains(effect)) {
                errs.add(FieldError.notSupported(p.child("effect").value(), effect, TAINT_EFFECTS));
            }
            if (!seen.add(effect + "\u0000" + key)) {
                errs.add(new FieldError(FieldError.Type.DUPLICATE, p.value(),
                        new GoRepr("core.Taint{Key:" + GoRepr.quote(key) + ", Value:" + GoRepr.quote(value) + ", Effect:"
                                + GoRepr.quote(effect) + ", TimeAdded:<nil>}"),
                        "taints must be unique by key and effect pair"));
            }
        }
        return errs;
    }

    private static List<FieldError> validateResources(ObjectNode node) {
        List<FieldError> errs = new ArrayList<>();
        for (String list : List.of("capacity", "allocatable")) {
            ObjectNode resources = Trees.objectAt(node, "status", list);
            if (resources == null) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : resources.properties()) {
                String path = FieldPath.of("status", list, e.getKey()).value();
                String text = ResourceValidation.quantityText(e.getValue());
                String problem = Quantity.problem(text);
                if (problem != null) {
                    errs.add(FieldError.invalid(path, text, problem));
                } else if (Quantity.parse(text).signum() < 0) {
                    errs.add(FieldError.invalid(path, Quantity.parse(text).canonical(), ObjectMetaValidation.IS_NEGATIVE));
                }
            }
        }
        return errs;
    }

    private static List<FieldError> validatePodCidrs(List<String> cidrs) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath path = FieldPath.of("spec", "podCIDRs");
        for (int i = 0; i < cidrs.size(); i++) {
            if (!isCidr(cidrs.get(i))) {
                errs.add(FieldError.invalid(path.index(i).value(), cidrs.get(i),
                        "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
            }
        }
        if (cidrs.size() > 1) {
            long v6 = cidrs.stream().filter(c -> c.contains(":")).count();
            if (cidrs.size() > 2 || v6 != 1) {
                errs.add(FieldError.invalid(path.value(), GoRepr.stringSlice(cidrs),
                        "may specify no more than one CIDR for each IP family"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cidrs.size(); i++) {
                if (!seen.add(cidrs.get(i))) {
                    errs.add(FieldError.duplicate(path.index(i).value(), cidrs.get(i)));
                }
            }
        }
        return errs;
    }

    static boolean isCidr(String cidr) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2 || !parts[1].matches("[0-9]{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        if (NameValidation.ipv4(parts[0]) != null) {
            return bits <= 32;
        }
        return NameValidation.isIpv6(parts[0]) && bits <= 128;
    }
}
