package io.kubesim.server.proto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Descriptors.FieldDescriptor;

/**
 * What the protobuf descriptors do not say about the Go structs they were generated from, and
 * which Go's JSON encoding depends on: which zero scalars survive, which message fields are
 * embedded (inlined) in the parent, and the few fields whose proto name is not the JSON name.
 * Immutable after construction and thread-safe.
 */
final class GoJsonFieldRules {

    private static final String PRESENCE_RESOURCE = "presence-significant-fields.txt";

    /**
     * Go embeds these struct types anonymously ({@code json:""}), so their fields appear directly
     * in the parent object, while the protobuf form nests them under a field named after the type.
     */
    private static final Set<String> EMBEDDED_TYPES = Set.of(
            "LocalObjectReference", "VolumeSource", "PersistentVolumeSource", "ProbeHandler",
            "EphemeralContainerCommon", "IngressRuleValue", "RuleWithOperations", "Rule",
            "DeviceConfiguration");

    /** Proto field names that differ from the JSON tag, keyed by the field's simple name. */
    private static final Map<String, String> RENAMED = Map.of(
            "Webhooks", "webhooks",
            "Expression", "expression",
            "Name", "name");

    private final Set<String> presenceSignificant;

    private GoJsonFieldRules(Set<String> presenceSignificant) {
        this.presenceSignificant = Set.copyOf(presenceSignificant);
    }

    /** Loads the rules from the class path; fails loudly if the resource is missing. */
    static GoJsonFieldRules load() {
        try (InputStream in = GoJsonFieldRules.class.getResourceAsStream(PRESENCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PRESENCE_RESOURCE);
            }
            Set<String> names = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    int tab = trimmed.indexOf('\t');
                    names.add(tab < 0 ? trimmed : trimmed.substring(0, tab));
                }
            }
            return new GoJsonFieldRules(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full names listed in the presence resource, for consistency checks. */
    Set<String> presenceSignificantFields() {
        return presenceSignificant;
    }

    /** True when a present zero of this scalar field must still be written (Go pointer or non-omitempty). */
    boolean keepsZero(FieldDescriptor field) {
        return presenceSignificant.contains(field.getFullName());
    }

    /** True when the field is a Go embedded struct whose members belong to the parent JSON object. */
    boolean isEmbedded(FieldDescriptor field) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
            return false;
        }
        String type = field.getMessageType().getName();
        if (!EMBEDDED_TYPES.contains(type)) {
            return false;
        }
        // ProbeHandler is the one embedding whose proto field is not named after its type.
        String expected = "ProbeHandler".equals(type) ? "handler" : Character.toLowerCase(type.charAt(0))
                + type.substring(1);
        return field.getName().equals(expected);
    }

    /** The JSON member name of a field. */
    String jsonName(FieldDescriptor field) {
        String name = field.getName();
        if (Character.isUpperCase(name.charAt(0))) {
            return RENAMED.getOrDefault(name, name);
        }
        return name;
    }
}
