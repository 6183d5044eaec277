package io.kubesim.nodeagent.lifecycle;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Repetition over a list of the object, as templates and events use it: {@code forEach:
 * /spec/containers} with an optional {@code where} selector evaluated on each element (e.g. only
 * containers whose image matches a pattern). Each kept element gets its own token scope.
 * Immutable and thread-safe.
 *
 * @param list  the path of the list, e.g. {@code /spec/containers}
 * @param where the condition on each element
 */
public record ForEach(ObjectPath list, Selector where) {

    /** The token scopes of the kept elements of the list in {@code object}, in list order. */
    public List<Tokens> scopes(JsonNode object, Tokens tokens) {
        List<Tokens> scopes = new ArrayList<>();
        List<JsonNode> elements = new ArrayList<>();
        for (JsonNode found : list.select(object)) {
            if (found.isArray()) {
                found.forEach(elements::add);
            } else {
                elements.add(found);
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            if (where.matches(elements.get(i))) {
                scopes.add(tokens.forElement(list.toString(), elements.get(i), i));
            }
        }
        return scopes;
    }
}
