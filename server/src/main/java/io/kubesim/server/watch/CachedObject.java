package io.kubesim.server.watch;

import java.util.Map;

/**
 * One object as the watch cache keeps it: its serialized JSON (which carries
 * {@code metadata.resourceVersion}) plus the few fields that selectors need, so that 100,000 pods
 * cost little more than their JSON. {@code fields} holds every field-selector value, including
 * {@code metadata.name} and {@code metadata.namespace}. Immutable; the byte array must not be
 * modified.
 */
public record CachedObject(
        String key,
        String namespace,
        String name,
        String uid,
        long revision,
        byte[] json,
        Map<String, String> labels,
        Map<String, String> fields) {
}
