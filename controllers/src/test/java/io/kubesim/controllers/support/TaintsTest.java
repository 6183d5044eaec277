package io.kubesim.controllers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;

class TaintsTest {

    static Stream<Arguments> cases() {
        Taint gpu = new TaintBuilder().withKey("gpu").withValue("true").withEffect("NoSchedule").build();
        return Stream.of(
                Arguments.of("equal key/value/effect", tol("gpu", "Equal", "true", "NoSchedule"), gpu, true),
                Arguments.of("empty operator means Equal", tol("gpu", null, "true", "NoSchedule"), gpu, true),
                Arguments.of("value differs", tol("gpu", "Equal", "false", "NoSchedule"), gpu, false),
                Arguments.of("exists ignores value", tol("gpu", "Exists", null, "NoSchedule"), gpu, true),
                Arguments.of("empty effect matches every effect", tol("gpu", "Exists", null, null), gpu, true),
                Arguments.of("effect differs", tol("gpu", "Exists", null, "NoExecute"), gpu, false),
                Arguments.of("empty key with Exists tolerates everything", tol(null, "Exists", null, null), gpu, true),
                Arguments.of("other key", tol("disk", "Exists", null, null), gpu, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void toleration(String name, Toleration toleration, Taint taint, boolean tolerated) {
        assertThat(Taints.tolerates(toleration, taint)).isEqualTo(tolerated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchingTolerationsAgreesWithTolerates(String name, Toleration toleration, Taint taint, boolean tolerated) {
        assertThat(Taints.matchingTolerations(List.of(taint), List.of(toleration)).isPresent()).isEqualTo(tolerated);
        assertThat(Taints.firstUntolerated(List.of(taint), List.of(toleration), t -> true).isPresent())
                .isEqualTo(!tolerated);
    }

    static Toleration tol(String key, String op, String value, String effect) {
        return new TolerationBuilder().withKey(key).withOperator(op).withValue(value).withEffect(effect).build();
    }
}
