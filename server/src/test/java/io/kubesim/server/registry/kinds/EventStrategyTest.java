package io.kubesim.server.registry.kinds;

import static io.kubesim.server.testing.TestTrees.messages;
import static io.kubesim.server.testing.TestTrees.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class EventStrategyTest {

    private final EventStrategy strategy = new EventStrategy();

    @Test
    void defaultsFillTheV1WireShape() {
        ObjectNode event = yaml("""
                metadata: {name: web.1, namespace: default}
                involvedObject: {kind: Pod, namespace: default, name: web}
                reason: Scheduled
                """);
        strategy.applyDefaults(event);
        assertThat(event.get("source")).isEqualTo(yaml("{}"));
        assertThat(event.get("firstTimestamp").isNull()).isTrue();
        assertThat(event.get("eventTime").isNull()).isTrue();
        assertThat(event.get("reportingComponent").asString()).isEmpty();
        assertThat(strategy.validate(event)).isEmpty();
    }

    @Test
    void legacyEventsMustMatchTheirObjectsNamespace() {
        ObjectNode event = yaml("""
                metadata: {name: web.1, namespace: other}
                involvedObject: {kind: Pod, namespace: default, name: web}
                """);
        strategy.applyDefaults(event);
        assertThat(messages(strategy.validate(event))).containsExactly(
                "involvedObject.namespace: Invalid value: \"default\": does not match event.namespace");
        ObjectNode clusterScoped = yaml("metadata: {name: node.1, namespace: default}\ninvolvedObject: {kind: Node, name: n}");
        strategy.applyDefaults(clusterScoped);
        assertThat(strategy.validate(clusterScoped)).isEmpty();
    }

    @Test
    void newStyleEventsNeedReportingFields() {
        ObjectNode event = yaml("""
                metadata: {name: web.1, namespace: default}
                involvedObject: {kind: Pod, namespace: default, name: web}
                eventTime: "2024-05-01T10:00:00.000000Z"
                """);
        strategy.applyDefaults(event);
        assertThat(messages(strategy.validateUpdate(event, event))).containsExactly(
                "reportingComponent: Required value",
                "reportingComponent: Invalid value: \"\": name part must be non-empty",
                "reportingComponent: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' "
                        + "or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  "
                        + "or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "reportingInstance: Required value",
                "action: Required value",
                "reason: Required value");
    }
}
