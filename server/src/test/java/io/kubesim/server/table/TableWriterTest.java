package io.kubesim.server.table;

import static io.kubesim.server.table.Fixtures.NOW;
import static io.kubesim.server.table.Fixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.Reason;
import io.kubesim.server.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TableWriterTest {

    private static final JsonNode POD = yaml("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-1
              namespace: default
              uid: 7c6f1d3e-0000-4000-8000-000000000001
              resourceVersion: "1017"
              creationTimestamp: "2025-01-10T11:55:00Z"
              labels: {app: web}
              annotations: {note: hi}
            spec: {nodeName: node-1, containers: [{name: web, image: nginx}]}
            status:
              phase: Running
              podIPs: [{ip: 10.1.0.5}]
              containerStatuses: [{name: web, ready: true, restartCount: 0, state: {running: {}}}]
            """);

    @Test
    void leavesTheGivenObjectsUnchanged() {
        JsonNode before = POD.deepCopy();

        for (IncludeObject include : IncludeObject.values()) {
            TableWriter.list(new PodTable(), List.of(POD), include, "1020", "", NOW);
        }

        assertThat(POD).isEqualTo(before);
    }

    @Test
    void listTableHasKubeApiserversShape() {
        ObjectNode table = TableWriter.list(new PodTable(), List.of(POD), IncludeObject.METADATA, "1020", "", NOW);

        assertThat(Json.string(table)).startsWith(
                "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"resourceVersion\":\"1020\"},"
                        + "\"columnDefinitions\":[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\","
                        + "\"description\":\"Name must be unique within a namespace.\",\"priority\":0},");
        assertThat(table.get("columnDefinitions")).hasSize(9);
        assertThat(table.get("columnDefinitions").get(8).get("name").asString()).isEqualTo("Readiness Gates");
        assertThat(table.get("columnDefinitions").get(8).get("priority").asInt()).isEqualTo(1);
        assertThat(table.get("rows")).hasSize(1);
        JsonNode row = table.get("rows").get(0);
        assertThat(row.get("cells")).isEqualTo(yaml("""
                [web-1, 1/1, Running, "0", 5m, 10.1.0.5, node-1, <none>, <none>]
                """));
        assertThat(row.has("conditions")).isFalse();
        assertThat(row.get("object")).isEqualTo(yaml("""
                kind: PartialObjectMetadata
                apiVersion: meta.k8s.io/v1
                metadata:
                  name: web-1
                  namespace: default
                  uid: 7c6f1d3e-0000-4000-8000-000000000001
                  resourceVersion: "1017"
                  creationTimestamp: "2025-01-10T11:55:00Z"
                  labels: {app: web}
                  annotations: {note: hi}
                """));
    }

    @Test
    void continueTokenIsWrittenWhenThereIsOne() {
        ObjectNode table = TableWriter.list(new PodTable(), List.of(POD), IncludeObject.METADATA, "1020", "tok", NOW);
        assertThat(table.get("metadata")).isEqualTo(yaml("{resourceVersion: \"1020\", continue: tok}"));
    }

    @Test
    void emptyListHasNoRows() {
        ObjectNode table = TableWriter.list(new PodTable(), List.of(), IncludeObject.METADATA, "7", null, NOW);
        assertThat(table.get("rows").isArray()).isTrue();
        assertThat(table.get("rows")).isEmpty();
        assertThat(table.get("columnDefinitions")).hasSize(9);
    }

    @Test
    void includeObjectNoneAndObject() {
        JsonNode none = TableWriter.list(new PodTable(), List.of(POD), IncludeObject.NONE, "1", null, NOW)
                .get("rows").get(0);
        assertThat(none.get("object").isNull()).isTrue();

        JsonNode full = TableWriter.list(new PodTable(), List.of(POD), IncludeObject.OBJECT, "1", null, NOW)
                .get("rows").get(0);
        assertThat(full.get("object")).isEqualTo(POD);
    }

    @Test
    void finishedPodsCarryRowConditions() {
        JsonNode done = yaml("metadata: {name: j}\nspec: {containers: [{name: c}]}\nstatus: {phase: Succeeded}");
        JsonNode row = TableWriter.single(new PodTable(), done, IncludeObject.METADATA, NOW).get("rows").get(0);
        assertThat(row.get("conditions")).isEqualTo(yaml("""
                - {type: Completed, status: "True", reason: Succeeded, message: The pod has completed successfully.}
                """));
    }

    @Test
    void integerCellsAreJsonNumbers() {
        JsonNode rs = yaml("metadata: {name: rs, resourceVersion: \"5\"}\nspec: {replicas: 2}\nstatus: {replicas: 1}");
        JsonNode cells = TableWriter.single(new ReplicaSetTable(), rs, IncludeObject.NONE, NOW)
                .get("rows").get(0).get("cells");
        assertThat(cells.get(1).isIntegralNumber()).isTrue();
        assertThat(cells.get(1).asLong()).isEqualTo(2);
        assertThat(cells.get(3).asLong()).isZero();
    }

    @Test
    void singleObjectTableCarriesTheObjectsResourceVersion() {
        ObjectNode table = TableWriter.single(new PodTable(), POD, IncludeObject.METADATA, NOW);
        assertThat(table.get("metadata")).isEqualTo(yaml("{resourceVersion: \"1017\"}"));
        assertThat(table.get("columnDefinitions")).hasSize(9);
        assertThat(table.get("rows")).hasSize(1);
    }

    @Test
    void watchEventsCarryColumnsOnlyWhenAsked() {
        ObjectNode first = TableWriter.watchObject(new EventTable(), POD, IncludeObject.METADATA, true, NOW);
        ObjectNode later = TableWriter.watchObject(new EventTable(), POD, IncludeObject.METADATA, false, NOW);
        assertThat(first.get("columnDefinitions")).hasSize(10);
        assertThat(later.get("columnDefinitions").isNull()).isTrue();
        assertThat(later.get("rows")).hasSize(1);
        assertThat(later.get("rows").get(0).get("cells")).hasSize(10);
        assertThat(later.get("metadata").get("resourceVersion").asString()).isEqualTo("1017");
    }

    @Test
    void convertorThatMisCountsCellsIsABug() {
        TableConvertor broken = new TableConvertor() {
            @Override
            public List<ColumnDefinition> columns() {
                return List.of(CommonColumns.NAME, CommonColumns.AGE);
            }

            @Override
            public List<Object> cells(JsonNode object, Instant now) {
                return List.of("only-one");
            }
        };
        assertThatThrownBy(() -> TableWriter.single(broken, POD, IncludeObject.NONE, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 cells for 2 columns");
    }

    @Test
    void includeObjectParsing() {
        assertThat(IncludeObject.parse(null)).isEqualTo(IncludeObject.METADATA);
        assertThat(IncludeObject.parse("")).isEqualTo(IncludeObject.METADATA);
        assertThat(IncludeObject.parse("None")).isEqualTo(IncludeObject.NONE);
        assertThat(IncludeObject.parse("Object")).isEqualTo(IncludeObject.OBJECT);
        assertThat(IncludeObject.parse("Metadata")).isEqualTo(IncludeObject.METADATA);
        assertThatThrownBy(() -> IncludeObject.parse("object"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BadRequest);
                    assertThat(e.getMessage()).isEqualTo("unrecognized includeObject value: \"object\"");
                });
    }
}
