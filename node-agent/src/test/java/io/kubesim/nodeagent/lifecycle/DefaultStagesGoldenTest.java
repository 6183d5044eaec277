package io.kubesim.nodeagent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.kubesim.nodeagent.AgentConfig;
import io.kubesim.nodeagent.lifecycle.StageOutcome.RecordedEvent;
import io.kubesim.nodeagent.node.NodeTokens;
import io.kubesim.nodeagent.pods.PodIpAllocator;
import io.kubesim.nodeagent.pods.PodTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Golden tests of the built-in stages: each {@code stages/testdata/<case>.input.yaml} (a Pod or a
 * Node) is played through the default stages as a pure function, with a fixed start time, a
 * seeded random source, host IP {@value #HOST_IP} and pod CIDR {@value #POD_CIDR}, until no stage
 * matches, the object is deleted or {@value #MAX_STEPS} stages have applied. The steps and the
 * final object are compared with {@code <case>.output.yaml}; run with {@code -Dgolden.update=true}
 * to rewrite the outputs after an intended change.
 */
class DefaultStagesGoldenTest {

    private static final Path TESTDATA = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/stages/testdata");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String HOST_IP = "172.18.0.3";
    private static final String POD_CIDR = "10.244.1.0/24";
    private static final int MAX_STEPS = 6;
    private static final long SEED = 42;

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();
    private final StageLoader loader = new StageLoader(
            Map.of("failImagePattern", AgentConfig.DEFAULT_FAIL_IMAGE_PATTERN));
    private final StageEngine pods = new StageEngine(loader.defaults("pod"));
    private final StageEngine nodes = new StageEngine(loader.defaults("node"));

    @TestFactory
    Stream<DynamicTest> defaultStages() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(TESTDATA)) {
            inputs = files.filter(f -> f.getFileName().toString().endsWith(".input.yaml")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString().replace(".input.yaml", ""), () -> check(input)));
    }

    @Test
    void everyBuiltInStageIsCoveredByAGoldenCase() throws IOException {
        String outputs;
        try (Stream<Path> files = Files.list(TESTDATA)) {
            outputs = String.join("\n", files.filter(f -> f.toString().endsWith(".output.yaml"))
                    .map(DefaultStagesGoldenTest::read).toList());
        }
        for (Stage s : Stream.concat(pods.stages().stream(), nodes.stages().stream()).toList()) {
            assertThat(outputs).as("a golden case plays stage " + s.name()).contains("stage: " + s.name() + "\n");
        }
    }

    private void check(Path input) throws IOException {
        ObjectNode object = (ObjectNode) yaml.readTree(input.toFile());
        ObjectNode actual = play(object);
        Path output = input.resolveSibling(input.getFileName().toString().replace(".input.", ".output."));
        String rendered = yaml.writeValueAsString(actual);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(output, rendered);
        }
        assertThat(output).as("golden output (create it with -Dgolden.update=true)").exists();
        JsonNode expected = yaml.readTree(output.toFile());
        assertThat(rendered).as("golden output %s (run with -Dgolden.update=true after an intended change)",
                output.getFileName()).isEqualTo(yaml.writeValueAsString(expected));
    }

    private ObjectNode play(ObjectNode object) {
        boolean pod = "Pod".equals(object.path("kind").asString(""));
        StageEngine engine = pod ? pods : nodes;
        Random random = new Random(SEED);
        PodIpAllocator ips = new PodIpAllocator(POD_CIDR);
        Map<String, Integer> applied = new HashMap<>();
        Instant now = START;
        ObjectNode result = yaml.createObjectNode();
        ArrayNode steps = result.putArray("steps");
        ObjectNode current = object;
        for (int i = 0; i < MAX_STEPS; i++) {
            Optional<Stage> stage = engine.pick(current, random);
            if (stage.isEmpty()) {
                break;
            }
            Duration delay = stage.get().delay().resolve(current, random,
                    applied.getOrDefault(stage.get().name(), 0));
            now = now.plus(delay);
            String uid = current.path("metadata").path("uid").asString("");
            Tokens tokens = pod
                    ? new PodTokens(current, HOST_IP, () -> ips.allocate(uid).orElseThrow(), now, delay)
                    : new NodeTokens(current.path("metadata").path("name").asString(""), HOST_IP, now);
            StageOutcome outcome = StageEngine.apply(current, stage.get(), tokens);
            applied.merge(stage.get().name(), 1, Integer::sum);
            ObjectNode step = steps.addObject();
            step.put("stage", stage.get().name());
            step.put("after", GoDuration.format(delay));
            ArrayNode events = step.putArray("events");
            for (RecordedEvent e : outcome.events()) {
                events.add(e.type() + " " + e.reason() + (e.fieldPath() == null ? "" : " [" + e.fieldPath() + "]")
                        + ": " + e.message());
            }
            step.set("statusPatch", outcome.statusPatch());
            if (outcome.removeFinalizers()) {
                step.put("removeFinalizers", true);
            }
            current = outcome.object();
            if (outcome.delete()) {
                step.put("delete", true);
                break;
            }
        }
        result.set("final", current);
        return result;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
