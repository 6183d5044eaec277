package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.nodeInfo;
import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubesim.scheduler.framework.CycleState;
import io.kubesim.scheduler.framework.NodeInfo;
import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Profile;
import io.kubesim.scheduler.framework.ScorePlugin;
import io.kubesim.scheduler.framework.Snapshot;
import io.kubesim.scheduler.plugins.DefaultPlugins;

class SchedulingAlgorithmTest {

    private final SchedulingAlgorithm algorithm = new SchedulingAlgorithm(DefaultPlugins.profile("default-scheduler"),
            new SplittableRandom(3));

    private static Snapshot nodes(int n) {
        List<NodeInfo> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(nodeInfo(node("n" + i).build()));
        }
        return Snapshot.of(list);
    }

    @ParameterizedTest(name = "{0} nodes -> {1}")
    @CsvSource({"1, 1", "99, 99", "100, 100", "500, 230", "1000, 420", "5000, 500", "6000, 300"})
    void feasibleNodesToFindFollowsUpstreamAdaptivePercentage(int nodes, int expected) {
        assertThat(SchedulingAlgorithm.feasibleNodesToFind(nodes)).isEqualTo(expected);
    }

    @Test
    void largeClustersStopFilteringOnceEnoughNodesFitAndRotateTheStart() {
        Snapshot snapshot = nodes(1000);
        SchedulingAlgorithm.Result first = algorithm.schedule(PodInfo.of(pod("a").build()), snapshot);
        assertThat(first.evaluatedNodes()).isEqualTo(420);
        assertThat(first.feasibleNodes()).isEqualTo(420);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            seen.add(algorithm.schedule(PodInfo.of(pod("p" + i).build()), snapshot).node());
        }
        assertThat(seen).as("each cycle starts where the last one stopped").hasSizeGreaterThan(1);
    }

    @Test
    void aPinToAMissingNodeLeavesEveryNodeOut() {
        NodeSelectorTerm pin = new NodeSelectorTerm(null,
                List.of(new NodeSelectorRequirement("metadata.name", "In", List.of("gone"))));
        Pod pod = pod("ds").editSpec().withNewAffinity().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().withNodeSelectorTerms(pin)
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build();
        Snapshot snapshot = nodes(3);
        SchedulingAlgorithm.Result r = algorithm.schedule(PodInfo.of(pod), snapshot);
        FitError fit = r.fitError();
        assertThat(fit.message()).isEqualTo("0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity].");
        assertThat(fit.withPostFilterMessage(PreemptionMessage.explain(PodInfo.of(pod), fit, snapshot)).message())
                .endsWith(". preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
        assertThat(fit.rejectors()).containsExactly("NodeAffinity");
    }

    @Test
    void aScoreOutsideTheRangeIsAnError() {
        ScorePlugin broken = new ScorePlugin() {
            @Override
            public String name() {
                return "Broken";
            }

            @Override
            public long score(CycleState state, Pod pod, NodeInfo node) {
                return 101;
            }
        };
        Profile profile = Profile.builder("default-scheduler").score(broken, 1).build();
        SchedulingAlgorithm.Result r = new SchedulingAlgorithm(profile, new SplittableRandom(1))
                .schedule(PodInfo.of(pod("p").build()), nodes(2));
        assertThat(r.scheduled()).isFalse();
        assertThat(r.error().message()).isEqualTo(
                "plugin \"Broken\" returns an invalid score 101, it should in the range of [0, 100] after normalizing");
    }

    @Test
    void tiesAreBrokenAtRandomAmongTheBest() {
        Snapshot snapshot = nodes(4);
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            chosen.add(new SchedulingAlgorithm(DefaultPlugins.profile("default-scheduler"), new SplittableRandom(i))
                    .schedule(PodInfo.of(pod("p").build()), snapshot).node());
        }
        assertThat(chosen).hasSize(4);
    }
}
