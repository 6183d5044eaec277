package io.kubesim.nodeagent.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads stage files: YAML documents of {@code kind: Stage} (see {@code docs/stages.md} for the
 * format), from the classpath defaults ({@code stages/pod/}, {@code stages/node/}, listed in each
 * folder's {@code index.txt}) or from a directory given with {@code --stages}.
 *
 * <p>Strings may refer to agent settings as {@code ${agent.NAME}} (for example
 * {@code ${agent.failImagePattern}}); they are replaced at load time, while other tokens stay for
 * rendering. Thread-safe; loading is not cached.
 */
public final class StageLoader {

    private static final Pattern SETTING = Pattern.compile("\\$\\{agent\\.([A-Za-z0-9_]+)}");

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final Map<String, String> settings;

    /** @param settings the values of {@code ${agent.NAME}} references */
    public StageLoader(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * The built-in stages for {@code kind} ({@code pod} or {@code node}).
     *
     * @throws StageException when a built-in file is missing or invalid
     */
    public List<Stage> defaults(String kind) {
        String folder = "stages/" + kind + "/";
        List<Stage> stages = new ArrayList<>();
        for (String file : resource(folder + "index.txt").split("\n")) {
            String name = file.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                stages.addAll(parse(resource(folder + name), folder + name));
            }
        }
        return stages;
    }

    /**
     * Every stage in the {@code .yaml}/{@code .yml} files under {@code dir} (recursively), in file
     * name order.
     *
     * @throws StageException when a file is invalid
     */
    public List<Stage> directory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Stage> stages = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                stages.addAll(parse(Files.readString(f), f.toString()));
            }
            return stages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stages from " + dir, e);
        }
    }

    /**
     * The stages in one YAML text (several documents allowed).
     *
     * @param origin where the text comes from, for error messages
     */
    public List<Stage> parse(String text, String origin) {
        List<Stage> stages = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(text)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    stages.add(stage(substitute(doc, origin), origin));
                }
            }
        } catch (JacksonException e) {
            throw new StageException(origin + ": invalid YAML: " + e.getOriginalMessage(), e);
        }
        return stages;
    }

    private Stage stage(JsonNode doc, String origin) {
        String name = Values.text(doc.path("metadata").get("name"));
        String where = origin + (name.isEmpty() ? "" : " (" + name + ")");
        if (!"Stage".equals(Values.text(doc.get("kind")))) {
            throw new StageException(where + ": kind must be Stage");
        }
        if (name.isEmpty()) {
            throw new StageException(where + ": metadata.name is required");
        }
        JsonNode spec = doc.path("spec");
        try {
            String kind = Values.text(spec.path("resourceRef").get("kind"));
            if (!kind.equals("Pod") && !kind.equals("Node")) {
                throw new StageException("spec.resourceRef.kind must be Pod or Node, not \"" + kind + "\"");
            }
            Selector selector = Selector.fromYaml(spec.path("selector").get("matchExpressions"));
            int weight = spec.has("weight") ? spec.get("weight").asInt() : 1;
            return new Stage(name, kind, selector, weight, delay(spec.get("delay")), next(spec.path("next")));
        } catch (StageException | IllegalArgumentException e) {
            throw new StageException(where + ": " + e.getMessage(), e);
        }
    }

    private static Delay delay(JsonNode d) {
        if (d == null || d.isNull()) {
            return Delay.NONE;
        }
        Delay.Backoff backoff = null;
        JsonNode b = d.get("backoff");
        if (b != null && !b.isNull()) {
            backoff = new Delay.Backoff(b.path("factor").asDouble(2.0), duration(b.get("max"), Duration.ofMinutes(5)));
        }
        String maxFrom = Values.text(d.get("maxSecondsFrom"));
        String annotation = Values.text(d.get("fromAnnotation"));
        return new Delay(duration(d.get("duration"), Duration.ZERO), duration(d.get("jitter"), Duration.ZERO),
                annotation.isEmpty() ? null : annotation, maxFrom.isEmpty() ? null : ObjectPath.parse(maxFrom),
                backoff);
    }

    private static Duration duration(JsonNode v, Duration fallback) {
        return v == null || v.isNull() ? fallback : GoDuration.parse(Values.text(v));
    }

    private static StageNext next(JsonNode next) {
        JsonNode status = next.get("status");
        List<EventTemplate> events = new ArrayList<>();
        for (JsonNode e : next.path("events")) {
            events.add(event(e, true));
        }
        return new StageNext(status == null || status.isNull() ? null : StatusTemplate.compile(status), events,
                next.path("removeFinalizers").asBoolean(false), next.path("delete").asBoolean(false));
    }

    private static EventTemplate event(JsonNode e, boolean topLevel) {
        String list = Values.text(e.get("forEach"));
        ForEach forEach = list.isEmpty() ? null
                : new ForEach(ObjectPath.parse(list), Selector.fromYaml(e.get("where")));
        if (forEach != null && !topLevel) {
            throw new StageException("events inside a group cannot have their own forEach");
        }
        if (e.has("events")) {
            if (forEach == null) {
                throw new StageException("an event group needs forEach");
            }
            List<EventTemplate> group = new ArrayList<>();
            for (JsonNode g : e.get("events")) {
                group.add(event(g, false));
            }
            return new EventTemplate(null, null, null, null, forEach, group);
        }
        String type = Values.text(e.get("type"));
        if (!type.equals("Normal") && !type.equals("Warning")) {
            throw new StageException("event type must be Normal or Warning, not \"" + type + "\"");
        }
        String reason = Values.text(e.get("reason"));
        if (reason.isEmpty()) {
            throw new StageException("an event needs a reason");
        }
        String fieldPath = Values.text(e.get("fieldPath"));
        return new EventTemplate(type, reason, Values.text(e.get("message")), fieldPath.isEmpty() ? null : fieldPath,
                forEach, List.of());
    }

    private JsonNode substitute(JsonNode node, String origin) {
        if (node.isString()) {
            String text = node.asString();
            Matcher m = SETTING.matcher(text);
            if (!m.find()) {
                return node;
            }
            StringBuilder sb = new StringBuilder();
            m.reset();
            while (m.find()) {
                String value = settings.get(m.group(1));
                if (value == null) {
                    throw new StageException(origin + ": unknown agent setting ${agent." + m.group(1) + "}");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return StringNode.valueOf(sb.toString());
        }
        if (node.isObject()) {
            ObjectNode out = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), substitute(e.getValue(), origin));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(v -> out.add(substitute(v, origin)));
            return out;
        }
        return node;
    }

    private static String resource(String name) {
        try (InputStream in = StageLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new StageException("missing built-in stage resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
