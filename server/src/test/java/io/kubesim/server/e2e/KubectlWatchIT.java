package io.kubesim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get -w}: a long-running kubectl lists, then watches from the list's revision
 * while another kubectl creates, labels and deletes; each change must appear as it happens (Table
 * watch with and without {@code --output-watch-events}, and a plain JSON watch).
 */
class KubectlWatchIT {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static TestServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        kubectl = new Kubectl(server.adminKubeconfig());
    }

    @AfterAll
    static void stop() {
        kubectl.cleanUp();
        server.close();
    }

    /** A namespace holding one configmap {@code pre}, so the initial list prints something. */
    private static void namespaceWithOneConfigMap(String ns) {
        kubectl.run("create", "namespace", ns).assertOk();
        kubectl.run("create", "configmap", "pre", "-n", ns, "--from-literal=a=1").assertOk();
    }

    /** Creates, labels and deletes configmap {@code name}: one ADDED, one MODIFIED, one DELETED. */
    private static void churn(String ns, String name) {
        kubectl.run("create", "configmap", name, "-n", ns, "--from-literal=a=1", "--from-literal=b=2").assertOk();
        kubectl.run("label", "configmap", name, "-n", ns, "step=two").assertOk();
        kubectl.run("delete", "configmap", name, "-n", ns).assertOk();
    }

    private static List<String> cells(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    @Test
    void tableWatchWithEventTypes() {
        String ns = "watch-events";
        namespaceWithOneConfigMap(ns);
        try (StreamedRun watch = StreamedRun.start(kubectl, "get", "configmaps", "-n", ns, "-w",
                "--output-watch-events")) {
            watch.awaitLine(l -> l.startsWith("ADDED") && cells(l).get(1).equals("pre"), BOUND);
            churn(ns, "w1");
            watch.awaitLine(l -> l.startsWith("DELETED"), BOUND);

            List<String> lines = watch.lines();
            assertThat(cells(lines.get(0))).containsExactly("EVENT", "NAME", "DATA", "AGE");
            assertThat(lines.subList(1, lines.size())).extracting(l -> cells(l).subList(0, 3)).containsExactly(
                    List.of("ADDED", "pre", "1"),
                    List.of("ADDED", "w1", "2"),
                    List.of("MODIFIED", "w1", "2"),
                    List.of("DELETED", "w1", "2"));
            assertThat(watch.isAlive()).as("the watch stays open").isTrue();
        }
    }

    @Test
    void tableWatchPrintsARowPerChange() {
        String ns = "watch-table";
        namespaceWithOneConfigMap(ns);
        try (StreamedRun watch = StreamedRun.start(kubectl, "get", "cm", "-n", ns, "--watch")) {
            watch.awaitLine(l -> l.startsWith("pre "), BOUND);
            churn(ns, "w2");
            watch.awaitStdout(out -> out.lines().filter(l -> l.startsWith("w2 ")).count() == 3, BOUND);

            List<String> lines = watch.lines();
            assertThat(cells(lines.get(0))).containsExactly("NAME", "DATA", "AGE");
            assertThat(lines.subList(1, lines.size())).extracting(l -> cells(l).subList(0, 2))
                    .containsExactly(List.of("pre", "1"), List.of("w2", "2"), List.of("w2", "2"), List.of("w2", "2"));
            assertThat(watch.isAlive()).isTrue();
        }
    }

    @Test
    void podWatchSeesAPendingPodComeAndGo() {
        String ns = "watch-pods";
        kubectl.run("create", "namespace", ns).assertOk();
        kubectl.run("run", "seed", "-n", ns, "--image=busybox:1.36").assertOk();
        try (StreamedRun watch = StreamedRun.start(kubectl, "get", "pods", "-n", ns, "-w", "--output-watch-events")) {
            watch.awaitLine(l -> l.startsWith("ADDED") && cells(l).get(1).equals("seed"), BOUND);
            kubectl.run("run", "p1", "-n", ns, "--image=busybox:1.36").assertOk();
            kubectl.run("delete", "pod", "p1", "-n", ns).assertOk();
            watch.awaitLine(l -> l.startsWith("DELETED"), BOUND);

            List<String> lines = watch.lines();
            assertThat(cells(lines.get(0))).containsExactly("EVENT", "NAME", "READY", "STATUS", "RESTARTS", "AGE");
            assertThat(lines.subList(1, lines.size())).extracting(l -> cells(l).subList(0, 5)).containsExactly(
                    List.of("ADDED", "seed", "0/1", "Pending", "0"),
                    List.of("ADDED", "p1", "0/1", "Pending", "0"),
                    List.of("DELETED", "p1", "0/1", "Pending", "0"));
        }
    }

    @Test
    void jsonWatchPrintsEachObjectVersion() {
        String ns = "watch-json";
        namespaceWithOneConfigMap(ns);
        try (StreamedRun watch = StreamedRun.start(kubectl, "get", "configmaps", "-n", ns, "-w", "-o", "json")) {
            watch.awaitStdout(out -> objects(out).size() == 1, BOUND);
            churn(ns, "w3");
            watch.awaitStdout(out -> objects(out).size() == 4, BOUND);

            List<JsonNode> objects = objects(watch.stdout());
            assertThat(objects).extracting(o -> o.path("kind").asString()).containsOnly("ConfigMap");
            assertThat(objects).extracting(o -> o.path("metadata").path("name").asString())
                    .containsExactly("pre", "w3", "w3", "w3");
            assertThat(objects.get(2).path("metadata").path("labels").path("step").asString()).isEqualTo("two");
            assertThat(objects).extracting(o -> Long.parseLong(o.path("metadata").path("resourceVersion").asString()))
                    .as("every version carries a newer resourceVersion").isSorted().doesNotHaveDuplicates();
        }
    }

    /** The complete JSON documents kubectl printed: each ends with a closing brace in column 0. */
    private static List<JsonNode> objects(String out) {
        List<JsonNode> objects = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : out.split("\n")) {
            current.append(line).append('\n');
            if (line.equals("}")) {
                objects.add(Json.parse(current.toString()));
                current.setLength(0);
            }
        }
        return objects;
    }
}
