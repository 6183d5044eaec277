package io.kubesim.nodeagent.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The status a stage writes, as a YAML/JSON tree with {@code ${token}} placeholders. Inside a list,
 * an element with {@code $forEach: /spec/containers} (and optionally {@code $where: [expressions]})
 * stands for one element per kept container, rendered with that container's tokens; this is how a
 * stage writes one {@code containerStatuses} entry per container ({@code $sortBy: name} orders the
 * repeated elements by a field, as the kubelet sorts container statuses by name). {@code null} values stay in the
 * result: merged into the current status they remove a field. Compiled once; immutable and
 * thread-safe.
 */
public final class StatusTemplate {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FOR_EACH = "$forEach";
    private static final String WHERE = "$where";
    private static final String SORT_BY = "$sortBy";

    private sealed interface Part permits Literal, Text, Obj, Arr, Repeat {
    }

    private record Literal(JsonNode value) implements Part {
    }

    private record Text(String text) implements Part {
    }

    private record Obj(Map<String, Part> fields) implements Part {
    }

    private record Arr(List<Part> elements) implements Part {
    }

    private record Repeat(ForEach forEach, String sortBy, Part body) implements Part {
    }

    private final Obj root;

    private StatusTemplate(Obj root) {
        this.root = root;
    }

    /**
     * Compiles a template object.
     *
     * @throws StageException for a misplaced or malformed {@code $} directive
     */
    public static StatusTemplate compile(JsonNode template) {
        if (template == null || !template.isObject()) {
            throw new StageException("a status template must be an object");
        }
        return new StatusTemplate((Obj) part(template, false));
    }

    private static Part part(JsonNode node, boolean inArray) {
        if (node.isString()) {
            return TokenText.hasTokens(node.asString()) ? new Text(node.asString()) : new Literal(node);
        }
        if (node.isArray()) {
            List<Part> elements = new ArrayList<>();
            node.forEach(e -> elements.add(part(e, true)));
            return new Arr(elements);
        }
        if (!node.isObject()) {
            return new Literal(node);
        }
        if (node.has(FOR_EACH)) {
            if (!inArray) {
                throw new StageException(FOR_EACH + " may only stand for the elements of a list");
            }
            ObjectNode body = ((ObjectNode) node).deepCopy();
            String list = Values.text(body.remove(FOR_EACH));
            Selector where = Selector.fromYaml(body.remove(WHERE));
            JsonNode sortBy = body.remove(SORT_BY);
            try {
                return new Repeat(new ForEach(ObjectPath.parse(list), where), sortBy == null ? null : Values.text(sortBy),
                        part(body, false));
            } catch (IllegalArgumentException e) {
                throw new StageException(FOR_EACH + ": " + e.getMessage(), e);
            }
        }
        Map<String, Part> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().startsWith("$")) {
                throw new StageException("unknown template directive " + e.getKey());
            }
            fields.put(e.getKey(), part(e.getValue(), false));
        }
        return new Obj(fields);
    }

    /**
     * Renders the template for {@code object}.
     *
     * @throws StageException          on an unknown token
     * @throws StageDeferredException  when a token's value is not available yet
     */
    public ObjectNode render(JsonNode object, Tokens tokens) {
        return (ObjectNode) render(root, object, tokens);
    }

    private static JsonNode render(Part part, JsonNode object, Tokens tokens) {
        if (part instanceof Literal l) {
            return l.value().deepCopy();
        }
        if (part instanceof Text t) {
            return TokenText.render(t.text(), tokens);
        }
        if (part instanceof Obj o) {
            ObjectNode out = NODES.objectNode();
            o.fields().forEach((k, v) -> out.set(k, render(v, object, tokens)));
            return out;
        }
        ArrayNode out = NODES.arrayNode();
        for (Part element : ((Arr) part).elements()) {
            if (element instanceof Repeat r) {
                List<JsonNode> rendered = new ArrayList<>();
                for (Tokens scope : r.forEach().scopes(object, tokens)) {
                    rendered.add(render(r.body(), object, scope));
                }
                if (r.sortBy() != null) {
                    rendered.sort(Comparator.comparing(n -> Values.text(n.get(r.sortBy()))));
                }
                out.addAll(rendered);
            } else {
                out.add(render(element, object, tokens));
            }
        }
        return out;
    }
}
