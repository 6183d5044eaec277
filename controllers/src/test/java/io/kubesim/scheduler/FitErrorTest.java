package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.nodeInfo;
import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kubesim.scheduler.framework.PluginStatus;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Snapshot;

class FitErrorTest {

    private static final PluginStatus TAINT = PluginStatus.unresolvable(
            "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }").withPlugin("TaintToleration");
    private static final PluginStatus CPU = PluginStatus.unschedulable("Insufficient cpu").withPlugin("NodeResourcesFit");
    private static final Snapshot THREE = Snapshot.of(nodeInfo(node("cp").build()), nodeInfo(node("n1").build()),
            nodeInfo(node("n2").build()));

    @Test
    void countsReasonsOverNodesSortedAsStrings() {
        FitError fit = new FitError(3, Map.of("cp", TAINT, "n1", CPU, "n2", CPU), null, null, null);
        assertThat(fit.message()).isEqualTo("0/3 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.");
        assertThat(fit.rejectors()).containsExactly("NodeResourcesFit", "TaintToleration");
    }

    @Test
    void appendsThePreemptionVerdict() {
        PodInfo pod = PodInfo.of(pod("p", "3", "1Gi").build());
        FitError fit = new FitError(3, Map.of("cp", TAINT, "n1", CPU, "n2", CPU), null, null, null);
        FitError explained = fit.withPostFilterMessage(PreemptionMessage.explain(pod, fit, THREE));
        assertThat(explained.message()).isEqualTo("0/3 nodes are available: 1 node(s) had untolerated taint "
                + "{node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are "
                + "available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming "
                + "pod.");
    }

    @Test
    void aNodeWithSeveralShortagesCountsEach() {
        PluginStatus both = PluginStatus.unschedulable("Insufficient cpu", "Insufficient memory");
        FitError fit = new FitError(2, Map.of("a", both, "b", CPU), null, null, null);
        assertThat(fit.message()).isEqualTo("0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.");
    }

    @Test
    void nodesLeftOutByAPreFilterShareOneStatus() {
        PluginStatus absent = PluginStatus.unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]");
        FitError fit = new FitError(3, Map.of("n1", CPU), absent, null, null);
        assertThat(fit.message()).isEqualTo(
                "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
    }

    @Test
    void aPreFilterRejectionIsStatedOnce() {
        PluginStatus conflict = PluginStatus.unresolvable("pod affinity terms conflict");
        FitError fit = new FitError(3, Map.of(), conflict, "pod affinity terms conflict", null);
        PodInfo pod = PodInfo.of(pod("p").build());
        assertThat(fit.withPostFilterMessage(PreemptionMessage.explain(pod, fit, THREE)).message()).isEqualTo(
                "0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: "
                        + "3 Preemption is not helpful for scheduling.");
    }

    @Test
    void podsThatNeverPreemptSaySo() {
        PodInfo pod = PodInfo.of(pod("p").editSpec().withPreemptionPolicy("Never").endSpec().build());
        FitError fit = new FitError(3, Map.of("cp", TAINT, "n1", CPU, "n2", CPU), null, null, null);
        assertThat(PreemptionMessage.explain(pod, fit, THREE))
                .isEqualTo("preemption: not eligible due to preemptionPolicy=Never.");
    }
}
