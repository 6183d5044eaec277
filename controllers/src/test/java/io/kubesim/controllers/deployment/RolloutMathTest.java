package io.kubesim.controllers.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kubesim.controllers.testing.Fixtures;

class RolloutMathTest {

    private static IntOrString value(String v) {
        return v.endsWith("%") ? new IntOrString(v) : new IntOrString(Integer.parseInt(v));
    }

    private static Deployment deployment(int replicas, String surge, String unavailable) {
        Deployment d = Fixtures.deployment("d", replicas, Map.of("app", "d"), "nginx");
        d.getSpec().getStrategy().getRollingUpdate().setMaxSurge(value(surge));
        d.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(value(unavailable));
        return d;
    }

    @ParameterizedTest(name = "{0} replicas, surge {1}, unavailable {2} -> {3}/{4}")
    @CsvSource({
            "10, 25%, 25%, 3, 2",   // surge rounds up, unavailable down
            "3, 25%, 25%, 1, 0",
            "1, 0%, 25%, 0, 1",     // both resolve to 0: unavailable becomes 1
            "2, 1, 5, 1, 2",        // unavailable is capped at the replica count
            "4, 0, 1, 0, 1",
            "0, 25%, 25%, 0, 0",
            "100, 10%, 0, 10, 0"})
    void resolvesSurgeAndUnavailability(int replicas, String surge, String unavailable, int expectSurge,
                                        int expectUnavailable) {
        Deployment d = deployment(replicas, surge, unavailable);
        assertThat(RolloutMath.maxSurge(d)).isEqualTo(expectSurge);
        assertThat(RolloutMath.maxUnavailable(d)).isEqualTo(expectUnavailable);
    }

    @Test
    void recreateHasNeitherSurgeNorUnavailability() {
        Deployment d = Fixtures.deployment("d", 4, Map.of("app", "d"), "nginx");
        d.getSpec().getStrategy().setType("Recreate");
        d.getSpec().getStrategy().setRollingUpdate(null);
        assertThat(RolloutMath.maxSurge(d)).isZero();
        assertThat(RolloutMath.maxUnavailable(d)).isZero();
    }

    private static ReplicaSet rs(String name, int replicas, Integer maxAnnotation) {
        ReplicaSet rs = Fixtures.replicaSet(name, replicas, Map.of("app", "d"));
        if (maxAnnotation != null) {
            rs.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of(ReplicaSets.MAX_REPLICAS,
                    maxAnnotation.toString())));
        }
        return rs;
    }

    @ParameterizedTest(name = "new {1} + old {2} of 10 (surge 3) -> {3}")
    @CsvSource({"new, 0, 10, 3", "new, 3, 10, 3", "new, 2, 8, 5", "new, 9, 0, 10"})
    void theNewReplicaSetGrowsWithinTheSurge(String name, int newReplicas, int oldReplicas, int expected) {
        Deployment d = deployment(10, "25%", "25%");
        ReplicaSet newRS = rs("new", newReplicas, null);
        ReplicaSet old = rs("old", oldReplicas, null);
        assertThat(RolloutMath.newReplicaSetReplicas(d, List.of(old, newRS), newRS)).isEqualTo(expected);
    }

    @Test
    void scalingMidRolloutIsSharedInProportion() {
        Deployment d = deployment(20, "0", "1");
        // Before: 10 replicas split 6/4 (max-replicas 10); now 20: each doubles.
        assertThat(RolloutMath.proportion(rs("a", 6, 10), d, 10, 0)).isEqualTo(6);
        assertThat(RolloutMath.proportion(rs("b", 4, 10), d, 10, 6)).isEqualTo(4);
        // Never more than what is left to hand out.
        assertThat(RolloutMath.proportion(rs("b", 4, 10), d, 10, 8)).isEqualTo(2);
        // Scaling to zero takes everything.
        assertThat(RolloutMath.proportion(rs("a", 6, 10), deployment(0, "0", "1"), -10, 0)).isEqualTo(-6);
    }
}
