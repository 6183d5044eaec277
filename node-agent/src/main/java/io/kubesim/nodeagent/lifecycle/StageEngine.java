package io.kubesim.nodeagent.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import io.kubesim.nodeagent.lifecycle.StageOutcome.RecordedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pure part of the lifecycle: which stages match an object, which one to take, and what
 * applying it yields. No I/O and no clock of its own (time comes in through {@link Tokens}), so
 * golden tests can run stages with fixed tokens and a seeded random source. Immutable and
 * thread-safe.
 */
public final class StageEngine {

    private final List<Stage> stages;

    public StageEngine(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The enabled stages whose selector matches {@code object}, in load order. */
    public List<Stage> matching(JsonNode object) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            if (s.weight() > 0 && s.selector().matches(object)) {
                out.add(s);
            }
        }
        return out;
    }

    /** One of the matching stages, chosen in proportion to the weights; empty when none matches. */
    public Optional<Stage> pick(JsonNode object, RandomGenerator random) {
        List<Stage> candidates = matching(object);
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        long total = candidates.stream().mapToLong(Stage::weight).sum();
        long ticket = random.nextLong(total);
        for (Stage s : candidates) {
            ticket -= s.weight();
            if (ticket < 0) {
                return Optional.of(s);
            }
        }
        return Optional.of(candidates.get(candidates.size() - 1));
    }

    /**
     * What applying {@code stage} to {@code object} yields. Templates are rendered against the
     * object as it is before the stage.
     *
     * @throws StageException         on an unknown token
     * @throws StageDeferredException when a token's value is not available yet
     */
    public static StageOutcome apply(ObjectNode object, Stage stage, Tokens tokens) {
        StageNext next = stage.next();
        ObjectNode after = object.deepCopy();
        ObjectNode patch = object.objectNode();
        if (next.status() != null) {
            ObjectNode before = object.get("status") instanceof ObjectNode s ? s : object.objectNode();
            ObjectNode status = StatusMerge.merge(before, next.status().render(object, tokens));
            patch = MergePatch.diff(before, status);
            after.set("status", status);
        }
        List<RecordedEvent> events = new ArrayList<>();
        for (EventTemplate e : next.events()) {
            List<Tokens> scopes = e.forEach() == null ? List.of(tokens) : e.forEach().scopes(object, tokens);
            for (Tokens scope : scopes) {
                for (EventTemplate single : e.group().isEmpty() ? List.of(e) : e.group()) {
                    events.add(new RecordedEvent(single.type(), single.reason(),
                            TokenText.renderText(single.message(), scope),
                            single.fieldPath() == null ? null : TokenText.renderText(single.fieldPath(), scope)));
                }
            }
        }
        if (next.removeFinalizers() && after.get("metadata") instanceof ObjectNode meta) {
            meta.remove("finalizers");
        }
        return new StageOutcome(after, patch, events, next.removeFinalizers(), next.delete());
    }
}
