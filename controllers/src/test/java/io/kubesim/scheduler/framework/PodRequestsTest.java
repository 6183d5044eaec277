package io.kubesim.scheduler.framework;

import static io.kubesim.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

class PodRequestsTest {

    private static final long MI = 1024L * 1024;

    private static Container container(String name, String cpu, String memory, String restartPolicy) {
        ContainerBuilder b = new ContainerBuilder().withName(name).withImage("x").withRestartPolicy(restartPolicy);
        var res = b.withNewResources();
        if (cpu != null) {
            res.addToRequests("cpu", new Quantity(cpu));
        }
        if (memory != null) {
            res.addToRequests("memory", new Quantity(memory));
        }
        return res.endResources().build();
    }

    private static Pod podWith(Container[] init, Container... containers) {
        return pod("p").editSpec().withInitContainers(init).withContainers(containers)
                .endSpec().build();
    }

    static Stream<Arguments> cases() {
        Container[] none = new Container[0];
        return Stream.of(
                Arguments.of("containers add up", podWith(none, container("a", "250m", "64Mi", null),
                        container("b", "500m", "128Mi", null)), new Resources(750, 192 * MI, 0, 0),
                        new Resources(750, 192 * MI, 0, 0)),
                Arguments.of("no requests: zero, scoring defaults", podWith(none, container("a", null, null, null)),
                        Resources.ZERO, new Resources(100, 200 * MI, 0, 0)),
                Arguments.of("only cpu requested", podWith(none, container("a", "1", null, null)),
                        new Resources(1000, 0, 0, 0), new Resources(1000, 200 * MI, 0, 0)),
                Arguments.of("fractions round up", podWith(none, container("a", "0.0001", "1.5", null)),
                        new Resources(1, 2, 0, 0), new Resources(1, 2, 0, 0)),
                Arguments.of("largest init container wins", podWith(new Container[] {container("i1", "2", "1Gi", null),
                        container("i2", "1", "3Gi", null)}, container("a", "1", "1Gi", null),
                        container("b", "1", "1Gi", null)), new Resources(2000, 3072 * MI, 0, 0),
                        new Resources(2000, 3072 * MI, 0, 0)),
                Arguments.of("sidecars run with everything after them", podWith(new Container[] {
                        container("side", "500m", "100Mi", "Always"), container("init", "1", "100Mi", null)},
                        container("a", "1", "100Mi", null)), new Resources(1500, 200 * MI, 0, 0),
                        new Resources(1500, 200 * MI, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void requests(String name, Pod pod, Resources requests, Resources nonZero) {
        assertThat(PodRequests.of(pod)).isEqualTo(requests);
        assertThat(PodRequests.nonZero(pod)).isEqualTo(nonZero);
    }

    @Test
    void overheadIsAdded() {
        Pod p = pod("p", "1", "1Gi").editSpec().withOverhead(Map.of("cpu", new Quantity("250m"))).endSpec().build();
        assertThat(PodRequests.of(p).milliCpu()).isEqualTo(1250);
    }
}
