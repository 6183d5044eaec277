package io.kubesim.nodeagent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageLoaderTest {

    private final StageLoader loader = new StageLoader(Map.of("failImagePattern", ".*:bad"));

    private static final String STAGE = """
            apiVersion: kubesim.io/v1alpha1
            kind: Stage
            metadata:
              name: fast-ready
            spec:
              resourceRef:
                kind: Pod
              selector:
                matchExpressions:
                - key: /spec/containers/*/image
                  operator: NotMatches
                  values: ['${agent.failImagePattern}']
              weight: 3
              delay:
                duration: 10ms
                jitter: 5ms
              next:
                status:
                  phase: Running
                events:
                - type: Normal
                  reason: Started
                  message: Started container ${container.name}
                  forEach: /spec/containers
                delete: false
            """;

    @Test
    void readsEveryPartOfAStageAndSubstitutesAgentSettings() {
        Stage s = loader.parse(STAGE, "test.yaml").get(0);
        assertThat(s.name()).isEqualTo("fast-ready");
        assertThat(s.kind()).isEqualTo("Pod");
        assertThat(s.weight()).isEqualTo(3);
        assertThat(s.delay().jitter().toMillis()).isEqualTo(5);
        assertThat(s.selector().expressions().get(0).values()).containsExactly(".*:bad");
        assertThat(s.next().events()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("Started");
            assertThat(e.message()).isEqualTo("Started container ${container.name}");
        });
    }

    @Test
    void readsDirectoriesRecursivelyInNameOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("pod"));
        Files.writeString(dir.resolve("pod/b.yaml"), STAGE.replace("fast-ready", "b"));
        Files.writeString(dir.resolve("pod/a.yml"), STAGE.replace("fast-ready", "a") + "---\n"
                + STAGE.replace("fast-ready", "a2"));
        Files.writeString(dir.resolve("README.md"), "not a stage");
        assertThat(loader.directory(dir)).extracting(Stage::name).containsExactly("a", "a2", "b");
    }

    @Test
    void everyBuiltInStageLoads() {
        List<Stage> pods = loader.defaults("pod");
        assertThat(pods).extracting(Stage::kind).containsOnly("Pod");
        assertThat(pods).extracting(Stage::name).contains("pod-create", "pod-ready", "pod-delete");
        assertThat(loader.defaults("node")).extracting(Stage::name).containsExactly("node-initialize", "node-ready");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> loader.parse(STAGE.replace("kind: Pod", "kind: Service"), "x.yaml"))
                .isInstanceOf(StageException.class).hasMessageContaining("x.yaml (fast-ready)")
                .hasMessageContaining("Pod or Node");
        assertThatThrownBy(() -> loader.parse(STAGE.replace("agent.failImagePattern", "agent.nope"), "x.yaml"))
                .hasMessageContaining("unknown agent setting ${agent.nope}");
        assertThatThrownBy(() -> loader.parse(STAGE.replace("type: Normal", "type: Info"), "x.yaml"))
                .hasMessageContaining("Normal or Warning");
        assertThatThrownBy(() -> loader.parse(STAGE.replace("10ms", "soon"), "x.yaml"))
                .hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> loader.parse("kind: Stage\nspec: [", "x.yaml"))
                .hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> loader.defaults("service")).hasMessageContaining("missing built-in stage resource");
    }
}
