package io.kubesim.server.registry;

import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class SystemMetadataTest {

    private static final ResourceDescriptor CONFIG_MAPS = ResourceDescriptor.builder("", "v1", "ConfigMap",
            "configmaps").singular("configmap").storagePrefix("/configmaps").build();

    @Test
    void updateDropsMetadataCollectionsAPatchLeftEmpty() {
        ObjectNode current = yaml("""
                metadata: {name: c, uid: u1, resourceVersion: "5", creationTimestamp: "2026-01-01T00:00:00Z",
                           labels: {tier: web}, annotations: {note: hi}, finalizers: [x]}
                """);
        ObjectNode next = yaml("""
                metadata: {name: c, labels: {}, annotations: {}, finalizers: [], ownerReferences: null}
                data: {}
                """);
        SystemMetadata.carryOver(next, current, CONFIG_MAPS);
        assertThat(next.path("metadata").propertyNames()).containsExactlyInAnyOrder("name", "uid",
                "creationTimestamp", "resourceVersion");
        assertThat(next.has("data")).as("only metadata is normalized here").isTrue();
    }

    @Test
    void createDropsEmptyCollectionsAndKeepsNonEmptyOnes() {
        ObjectNode object = yaml("""
                metadata: {name: c, labels: {}, annotations: {note: hi}}
                """);
        SystemMetadata.initialize(object, CONFIG_MAPS, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(object.path("metadata").has("labels")).isFalse();
        assertThat(object.path("metadata").path("annotations").path("note").asString()).isEqualTo("hi");
        assertThat(object.path("metadata").path("creationTimestamp").asString()).isEqualTo("2026-01-01T00:00:00Z");
    }
}
