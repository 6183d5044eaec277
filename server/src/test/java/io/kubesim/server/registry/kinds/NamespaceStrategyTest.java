package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.node;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kubesim.server.validation.NameRule;
import tools.jackson.databind.node.ObjectNode;

class NamespaceStrategyTest {

    private final NamespaceStrategy strategy = new NamespaceStrategy();

    @Test
    void createAddsLabelFinalizerAndPhase() {
        ObjectNode ns = yaml("metadata: {name: team-a, labels: {kubernetes.io/metadata.name: spoofed}}");
        strategy.applyDefaults(ns);
        strategy.prepareForCreate(ns);
        assertThat(ns).isEqualTo(yaml("""
                metadata: {name: team-a, labels: {kubernetes.io/metadata.name: team-a}}
                spec: {finalizers: [kubernetes]}
                status: {phase: Active}
                """));
        assertThat(strategy.validate(ns)).isEmpty();
        assertThat(NameRule.of(strategy)).isEqualTo(NameRule.DNS1123_LABEL);
    }

    @Test
    void updatesKeepSpecFinalizers() {
        ObjectNode old = yaml("metadata: {name: a}\nspec: {finalizers: [kubernetes]}\nstatus: {phase: Active}");
        ObjectNode update = yaml("metadata: {name: a}\nspec: {finalizers: []}");
        strategy.applyDefaults(update);
        strategy.prepareForUpdate(update, old);
        assertThat(update.at("/spec/finalizers")).isEqualTo(node("[kubernetes]"));
        assertThat(update.at("/metadata/labels/kubernetes.io~1metadata.name").asString()).isEqualTo("a");
        assertThat(strategy.validateUpdate(update, old)).isEmpty();
    }

    @Test
    void finalizerNamesAndPhases() {
        ObjectNode ns = yaml("metadata: {name: a}\nspec: {finalizers: [custom]}");
        assertThat(messages(strategy.validate(ns))).containsExactly("spec.finalizers: Invalid value: \"custom\": "
                + "name is neither a standard finalizer name nor is it fully qualified");
        assertThat(messages(NamespaceStrategy.validateFinalize(ns))).containsExactly("spec.finalizers[0]: Invalid value: "
                + "\"custom\": name is neither a standard finalizer name nor is it fully qualified");
        ObjectNode terminating = yaml("metadata: {name: a, deletionTimestamp: '2024-01-01T00:00:00Z'}\nstatus: {phase: Active}");
        assertThat(messages(strategy.validateStatusUpdate(terminating, terminating))).containsExactly(
                "status.Phase: Invalid value: \"Active\": may only be 'Terminating' if `deletionTimestamp` is not empty");
    }
}
