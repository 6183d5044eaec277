package io.kubesim.server.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get nodes}: NAME, STATUS ({@code Ready}, {@code NotReady} or {@code Unknown}, plus
 * {@code SchedulingDisabled} when cordoned), ROLES, AGE, VERSION, and with {@code -o wide}
 * INTERNAL-IP, EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME. Stateless.
 */
public final class NodeTable implements TableConvertor {

    private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";
    private static final String NONE = "<none>";
    private static final String UNKNOWN = "<unknown>";
    private static final String ADDRESSES = "List of addresses reachable to the node.";

    private static final List<ColumnDefinition> COLUMNS = List.of(
            CommonColumns.NAME,
            ColumnDefinition.string("Status", "The status of the node"),
            ColumnDefinition.string("Roles", "The roles of the node"),
            CommonColumns.AGE,
            ColumnDefinition.string("Version", "Kubelet Version reported by the node."),
            ColumnDefinition.string("Internal-IP", ADDRESSES).wide(),
            ColumnDefinition.string("External-IP", ADDRESSES).wide(),
            ColumnDefinition.string("OS-Image",
                    "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).").wide(),
            ColumnDefinition.string("Kernel-Version",
                    "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).").wide(),
            ColumnDefinition.string("Container-Runtime", "ContainerRuntime Version reported by the node through"
                    + " runtime remote API (e.g. containerd://1.4.2).").wide());

    @Override
    public List<ColumnDefinition> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode node, Instant now) {
        JsonNode info = Fields.at(node, "status", "nodeInfo");
        return List.of(
                Fields.name(node),
                status(node),
                roles(node),
                Fields.age(node, now),
                Fields.text(info, "kubeletVersion"),
                address(node, "InternalIP"),
                address(node, "ExternalIP"),
                Fields.or(Fields.text(info, "osImage"), UNKNOWN),
                Fields.or(Fields.text(info, "kernelVersion"), UNKNOWN),
                Fields.or(Fields.text(info, "containerRuntimeVersion"), UNKNOWN));
    }

    /** From the Ready condition (the last one listed wins, as in the printer's map). */
    private static String status(JsonNode node) {
        String ready = null;
        for (JsonNode c : Fields.items(node, "status", "conditions")) {
            if (Fields.text(c, "type").equals("Ready")) {
                ready = Fields.text(c, "status").equals("True") ? "Ready" : "NotReady";
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(ready == null ? "Unknown" : ready);
        if (Fields.bool(node, "spec", "unschedulable")) {
            parts.add("SchedulingDisabled");
        }
        return String.join(",", parts);
    }

    /** Sorted roles from {@code node-role.kubernetes.io/<role>} keys and {@code kubernetes.io/role} values. */
    private static String roles(JsonNode node) {
        TreeSet<String> roles = new TreeSet<>();
        for (Map.Entry<String, JsonNode> label : Fields.at(node, "metadata", "labels").properties()) {
            String key = label.getKey();
            String value = label.getValue().isString() ? label.getValue().asString() : "";
            if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
                roles.add(key.substring(ROLE_LABEL_PREFIX.length()));
            } else if (key.equals(ROLE_LABEL) && !value.isEmpty()) {
                roles.add(value);
            }
        }
        return roles.isEmpty() ? NONE : String.join(",", roles);
    }

    /** The first address of {@code type}, or {@code <none>}. */
    private static String address(JsonNode node, String type) {
        return Fields.items(node, "status", "addresses").stream()
                .filter(a -> Fields.text(a, "type").equals(type))
                .map(a -> Fields.text(a, "address"))
                .findFirst()
                .orElse(NONE);
    }
}
