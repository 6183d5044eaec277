package io.kubesim.nodeagent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubesim.controllers.runtime.ComponentMetrics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The player's scheduling contract, on plain JSON objects with a hand-moved clock and workers not
 * started: stages are fired by calling {@code fire} directly.
 */
class StagePlayerTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTarget target = new FakeTarget();
    private final ComponentMetrics metrics = new ComponentMetrics();
    private final StagePlayer<ObjectNode> player = new StagePlayer<>(new StageEngine(List.of(
            stage("start", "Pending", Duration.ofSeconds(1)),
            stage("finish", "Running", Duration.ofSeconds(5)))), target, 1, clock, new Random(1), metrics);

    /** A stage moving phase {@code from} on, after {@code delay}. */
    private static Stage stage(String name, String from, Duration delay) {
        Selector selector = new Selector(List.of(Selector.Expression.of("/status/phase", Selector.Operator.IN,
                List.of(from))));
        StatusTemplate status = StatusTemplate.compile(F.objectNode().put("phase", name + "ed"));
        return new Stage(name, "Thing", selector, 1, new Delay(delay, Duration.ZERO, null, null, null),
                new StageNext(status, List.of(), false, false));
    }

    private static ObjectNode thing(String phase, String version) {
        ObjectNode o = F.objectNode();
        o.putObject("metadata").put("name", "t").put("resourceVersion", version);
        o.putObject("status").put("phase", phase);
        return o;
    }

    @AfterEach
    void close() {
        player.close();
        metrics.close();
    }

    @Test
    void observingSchedulesTheMatchingStageAfterItsDelay() {
        target.put(thing("Pending", "1"));
        player.observe(target.get("t"));
        StagePlayer.Scheduled s = player.pending("t").orElseThrow();
        assertThat(s.stage().name()).isEqualTo("start");
        assertThat(s.due()).isEqualTo(clock.instant().plusSeconds(1));

        player.fire("t");
        assertThat(target.applied).as("not due yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        player.fire("t");
        assertThat(target.applied).containsExactly("start");
        assertThat(target.lastPatch.get("phase").asString()).isEqualTo("started");
        assertThat(player.pending("t")).as("the next stage waits for the watch event").isEmpty();
    }

    @Test
    void aNewerEventReplacesThePendingStageButAnUnrelatedOneKeepsItsTime() {
        target.put(thing("Pending", "1"));
        player.observe(target.get("t"));
        Instant due = player.pending("t").orElseThrow().due();

        clock.advance(Duration.ofMillis(500));
        target.put(thing("Pending", "2"));
        player.observe(target.get("t"));
        assertThat(player.pending("t").orElseThrow().due()).as("still matching: same due time").isEqualTo(due);

        target.put(thing("Running", "3"));
        player.observe(target.get("t"));
        StagePlayer.Scheduled replaced = player.pending("t").orElseThrow();
        assertThat(replaced.stage().name()).isEqualTo("finish");
        assertThat(replaced.due()).isEqualTo(clock.instant().plusSeconds(5));

        target.put(thing("Done", "4"));
        player.observe(target.get("t"));
        assertThat(player.pending("t")).as("nothing matches any more").isEmpty();
    }

    @Test
    void aStaleChoiceIsReevaluatedWhenItFires() {
        target.put(thing("Pending", "1"));
        player.observe(target.get("t"));
        target.put(thing("Running", "2"));
        clock.advance(Duration.ofSeconds(1));
        player.fire("t");
        assertThat(target.applied).isEmpty();
        assertThat(player.pending("t").orElseThrow().stage().name()).isEqualTo("finish");
    }

    @Test
    void conflictsAndDeferralsKeepTheStagePendingAndGoneObjectsDropIt() {
        target.put(thing("Pending", "1"));
        player.observe(target.get("t"));
        clock.advance(Duration.ofSeconds(1));

        target.failWith = new KubernetesClientException("conflict", 409, null);
        player.fire("t");
        assertThat(player.pending("t")).isPresent();

        target.failWith = new StageDeferredException("no pod CIDR yet");
        player.fire("t");
        assertThat(player.pending("t")).isPresent();

        target.failWith = null;
        player.fire("t");
        assertThat(target.applied).containsExactly("start");

        target.put(thing("Running", "2"));
        player.observe(target.get("t"));
        target.remove("t");
        clock.advance(Duration.ofSeconds(5));
        player.fire("t");
        assertThat(player.pending("t")).isEmpty();
        assertThat(target.applied).containsExactly("start");
    }

    @Test
    void backoffDelaysGrowPerApplicationOfTheSameStage() {
        Stage retry = new Stage("retry", "Thing", Selector.ALL, 1,
                new Delay(Duration.ofSeconds(10), Duration.ZERO, null, null, new Delay.Backoff(2, Duration.ofSeconds(30))),
                new StageNext(null, List.of(), false, false));
        // a player of its own registers its queue in metrics of its own, as one per process does
        try (ComponentMetrics ownMetrics = new ComponentMetrics();
             StagePlayer<ObjectNode> p = new StagePlayer<>(new StageEngine(List.of(retry)), target, 1, clock,
                     new Random(1), ownMetrics)) {
            List<Duration> delays = new ArrayList<>();
            target.put(thing("Any", "1"));
            for (int i = 0; i < 4; i++) {
                p.observe(target.get("t"));
                StagePlayer.Scheduled s = p.pending("t").orElseThrow();
                delays.add(Duration.between(clock.instant(), s.due()));
                clock.advance(Duration.between(clock.instant(), s.due()));
                p.fire("t");
            }
            assertThat(delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
                    Duration.ofSeconds(30));
        }
    }

    /** Objects in a map; applying records the stage and the status patch. */
    private static final class FakeTarget implements StageTarget<ObjectNode> {

        private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
        private final List<String> applied = new ArrayList<>();
        private ObjectNode lastPatch;
        private RuntimeException failWith;

        void put(ObjectNode o) {
            objects.put(key(o), o);
        }

        void remove(String key) {
            objects.remove(key);
        }

        @Override
        public String kind() {
            return "Thing";
        }

        @Override
        public String key(ObjectNode object) {
            return object.path("metadata").path("name").asString();
        }

        @Override
        public ObjectNode get(String key) {
            return objects.get(key);
        }

        @Override
        public ObjectNode tree(ObjectNode object) {
            return object.deepCopy();
        }

        @Override
        public Tokens tokens(ObjectNode object, ObjectNode tree, Duration waited) {
            return new Tokens() {
                @Override
                public JsonNode value(String name) {
                    if (failWith instanceof StageDeferredException d) {
                        throw d;
                    }
                    return null;
                }

                @Override
                public Tokens forElement(String list, JsonNode element, int index) {
                    return this;
                }
            };
        }

        @Override
        public void apply(ObjectNode object, Stage stage, StageOutcome outcome) {
            if (failWith instanceof KubernetesClientException e) {
                throw e;
            }
            if (failWith instanceof StageDeferredException d) {
                throw d;
            }
            applied.add(stage.name());
            lastPatch = outcome.statusPatch();
        }
    }
}
