package io.kubesim.nodeagent.node;

import java.util.List;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;

/**
 * A taint to register nodes with, written {@code key=value:Effect} or {@code key:Effect} as the
 * kubelet's {@code --register-with-taints} takes it. Immutable.
 */
public record NodeTaint(String key, String value, String effect) {

    private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    /**
     * Parses {@code key[=value]:Effect}.
     *
     * @throws IllegalArgumentException when the text is malformed or the effect unknown
     */
    public static NodeTaint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("invalid taint \"" + text + "\", expected key=value:Effect");
        }
        String effect = text.substring(colon + 1);
        if (!EFFECTS.contains(effect)) {
            throw new IllegalArgumentException("invalid taint effect \"" + effect + "\" in \"" + text
                    + "\", expected one of " + EFFECTS);
        }
        String keyValue = text.substring(0, colon);
        int eq = keyValue.indexOf('=');
        return eq < 0 ? new NodeTaint(keyValue, "", effect)
                : new NodeTaint(keyValue.substring(0, eq), keyValue.substring(eq + 1), effect);
    }

    public Taint toTaint() {
        return new TaintBuilder().withKey(key).withValue(value.isEmpty() ? null : value).withEffect(effect).build();
    }
}
