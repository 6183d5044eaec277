package io.kubesim.scheduler;

import static io.kubesim.scheduler.Fixtures.node;
import static io.kubesim.scheduler.Fixtures.on;
import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kubesim.scheduler.framework.PodInfo;
import io.kubesim.scheduler.framework.Resources;
import io.kubesim.scheduler.framework.Snapshot;

class SchedulerCacheTest {

    private final SchedulerCache cache = new SchedulerCache();

    @Test
    void assumedPodsCountUntilForgotten() {
        cache.putNode(node("n1").build());
        PodInfo pod = PodInfo.of(pod("p", "1", "1Gi").build());
        cache.assume(pod, "n1");
        assertThat(cache.isAssumed("p-uid")).isTrue();
        assertThat(cache.snapshot().get("n1").requested().milliCpu()).isEqualTo(1000);

        cache.forget("p-uid");
        assertThat(cache.snapshot().get("n1").requested()).isEqualTo(Resources.ZERO);
    }

    @Test
    void theWatchEventConfirmsAnAssumption() {
        cache.putNode(node("n1").build());
        PodInfo pod = PodInfo.of(pod("p", "1", "1Gi").build());
        cache.assume(pod, "n1");
        cache.putPod(PodInfo.of(on(pod.pod(), "n1")));
        assertThat(cache.isAssumed("p-uid")).isFalse();
        cache.forget("p-uid");
        assertThat(cache.snapshot().get("n1").pods()).hasSize(1);
    }

    @Test
    void aPodBoundElsewhereMoves() {
        cache.putNode(node("n1").build());
        cache.putNode(node("n2").build());
        PodInfo pod = PodInfo.of(pod("p", "1", "1Gi").build());
        cache.assume(pod, "n1");
        cache.putPod(PodInfo.of(on(pod.pod(), "n2")));
        Snapshot s = cache.snapshot();
        assertThat(s.get("n1").pods()).isEmpty();
        assertThat(s.get("n2").pods()).hasSize(1);
    }

    @Test
    void podsOfAnUnknownNodeAreKeptButNotOffered() {
        cache.putPod(PodInfo.of(on(pod("p", "1", "1Gi").build(), "late")));
        assertThat(cache.snapshot().size()).isZero();
        cache.putNode(node("late").build());
        assertThat(cache.snapshot().get("late").requested().milliCpu()).isEqualTo(1000);
        cache.removeNode("late");
        assertThat(cache.snapshot().size()).isZero();
        cache.putNode(node("late").build());
        assertThat(cache.snapshot().get("late").pods()).hasSize(1);
    }

    @Test
    void snapshotsAreStableUntilAChange() {
        cache.putNode(node("n1").build());
        Snapshot first = cache.snapshot();
        assertThat(cache.snapshot()).isSameAs(first);
        cache.putPod(PodInfo.of(on(pod("p").build(), "n1")));
        Snapshot second = cache.snapshot();
        assertThat(second).isNotSameAs(first);
        assertThat(first.get("n1").pods()).as("an old snapshot does not change").isEmpty();
        cache.removePod("p-uid");
        assertThat(cache.snapshot().get("n1").pods()).isEmpty();
        assertThat(cache.podCount()).isZero();
    }
}
