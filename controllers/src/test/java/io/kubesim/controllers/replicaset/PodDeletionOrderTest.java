package io.kubesim.controllers.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

class PodDeletionOrderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    /** A pod: {@code node} "" = unscheduled, {@code readySince} null = not ready; created at {@code created}. */
    private static Pod pod(String name, String node, String phase, String readySince, String created) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withUid("uid-" + name)
                .withCreationTimestamp(created).endMetadata()
                .withNewSpec().withNodeName(node.isEmpty() ? null : node).endSpec()
                .withNewStatus().withPhase(phase).endStatus();
        if (readySince != null) {
            b.editStatus().addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(readySince)
                    .endCondition().endStatus();
        }
        return b.build();
    }

    private static Pod pod(String name) {
        return pod(name, "node-1", "Running", "2026-01-01T10:00:00Z", "2026-01-01T09:00:00Z");
    }

    static Stream<Arguments> pairs() {
        Pod base = pod("base");
        Pod withCost = pod("cheap");
        withCost.getMetadata().setAnnotations(Map.of(PodDeletionOrder.DELETION_COST, "-5"));
        Pod restarted = pod("restarted");
        restarted.getStatus().setContainerStatuses(List.of(new ContainerStatusBuilder().withName("c")
                .withRestartCount(3).build()));
        return Stream.of(
                Arguments.of("unscheduled before scheduled", pod("a", "", "Pending", null, "2026-01-01T09:00:00Z"),
                        pod("b", "node-1", "Pending", null, "2026-01-01T09:00:00Z")),
                Arguments.of("pending before running", pod("a", "node-1", "Pending", null, "2026-01-01T09:00:00Z"),
                        base),
                Arguments.of("unknown before running", pod("a", "node-1", "Unknown", null, "2026-01-01T09:00:00Z"),
                        base),
                Arguments.of("not ready before ready", pod("a", "node-1", "Running", null, "2026-01-01T09:00:00Z"),
                        base),
                Arguments.of("lower deletion cost first", withCost, base),
                Arguments.of("more recently ready first (log scale)",
                        pod("a", "node-1", "Running", "2026-01-01T11:59:00Z", "2026-01-01T09:00:00Z"), base),
                Arguments.of("more restarts first", restarted, base),
                Arguments.of("newer first (log scale)",
                        pod("a", "node-1", "Running", "2026-01-01T10:00:00Z", "2026-01-01T11:50:00Z"), base));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void ranksPods(String rule, Pod first, Pod second) {
        PodDeletionOrder order = new PodDeletionOrder(List.of(), NOW);
        assertThat(order.compare(first, second)).isNegative();
        assertThat(order.compare(second, first)).isPositive();
        assertThat(order.sort(new ArrayList<>(List.of(second, first)))).containsExactly(first, second);
    }

    @Test
    void podsDoubledUpOnANodeGoFirst() {
        Pod crowded = pod("crowded", "node-1", "Running", "2026-01-01T10:00:00Z", "2026-01-01T09:00:00Z");
        Pod alone = pod("alone", "node-2", "Running", "2026-01-01T10:00:00Z", "2026-01-01T09:00:00Z");
        Pod neighbour = pod("neighbour", "node-1", "Running", "2026-01-01T10:00:00Z", "2026-01-01T09:00:00Z");
        PodDeletionOrder order = new PodDeletionOrder(List.of(crowded, alone, neighbour), NOW);
        assertThat(order.compare(crowded, alone)).isNegative();
    }
}
