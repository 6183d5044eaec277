package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Rules every convertor keeps, checked on an empty object and on a well-filled one. */
class TableContractTest {

    /** Columns kube-apiserver declares {@code string} but fills with counts. */
    private static final Set<String> NUMERIC_STRING_COLUMNS = Set.of(
            "DeploymentTable.Up-to-date", "DeploymentTable.Available", "ConfigMapTable.Data", "SecretTable.Data",
            "ServiceAccountTable.Secrets", "EventTable.Count");

    static Stream<TableConvertor> convertors() {
        return Stream.of(new PodTable(), new NodeTable(), new NamespaceTable(), new EventTable(), new ServiceTable(),
                new EndpointsTable(), new ConfigMapTable(), new SecretTable(), new ServiceAccountTable(),
                new DeploymentTable(), new ReplicaSetTable(), new DaemonSetTable(), new StatefulSetTable(),
                new LeaseTable(), new DefaultTable());
    }

    private static final List<JsonNode> SAMPLES = List.of(
            yaml("{}"),
            yaml("""
                    metadata: {name: x, creationTimestamp: "2025-01-10T11:00:00Z"}
                    spec:
                      replicas: 2
                      selector: {matchLabels: {a: b}}
                      template: {spec: {containers: [{name: c, image: i}]}}
                      containers: [{name: c}]
                      ports: [{port: 80}]
                    status: {phase: Running, replicas: 2}
                    """));

    @ParameterizedTest
    @MethodSource("convertors")
    void oneCellPerColumnOfTheDeclaredType(TableConvertor convertor) {
        List<ColumnDefinition> columns = convertor.columns();
        for (JsonNode sample : SAMPLES) {
            List<Object> cells = convertor.cells(sample, NOW);
            assertThat(cells).hasSameSizeAs(columns).doesNotContainNull();
            for (int i = 0; i < columns.size(); i++) {
                ColumnDefinition column = columns.get(i);
                String key = convertor.getClass().getSimpleName() + "." + column.name();
                if (column.type().equals("integer") || NUMERIC_STRING_COLUMNS.contains(key)) {
                    assertThat(cells.get(i)).as(key).isInstanceOf(Long.class);
                } else {
                    assertThat(cells.get(i)).as(key).isInstanceOf(String.class);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("convertors")
    void columnsAreWellFormed(TableConvertor convertor) {
        List<ColumnDefinition> columns = convertor.columns();
        assertThat(columns).allSatisfy(c -> {
            assertThat(c.type()).isIn("string", "integer");
            assertThat(c.description()).isNotBlank();
            assertThat(c.priority()).isBetween(0, 1);
        });
        assertThat(columns.stream().filter(c -> c.format().equals("name")))
                .singleElement().extracting(ColumnDefinition::name).isEqualTo("Name");
        if (!(convertor instanceof EventTable)) {
            assertThat(columns.get(0).format()).isEqualTo("name");
            assertThat(columns.get(0).priority()).isZero();
        }
    }
}
