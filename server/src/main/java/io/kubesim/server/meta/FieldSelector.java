package io.kubesim.server.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.meta.FieldRequirement.Operator;

/**
 * A field selector ({@code fieldSelector=spec.nodeName=node1,status.phase!=Succeeded}): the AND of
 * {@link FieldRequirement}s, parsed, ordered and escaped as the apiserver does. Values may be empty
 * ({@code involvedObject.namespace=}) and may contain {@code \,}, {@code \=} and {@code \\}.
 * Which field labels a kind supports is the caller's knowledge, checked with {@link #validate}.
 * Immutable and thread-safe.
 */
public final class FieldSelector {

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<FieldRequirement> requirements;

    private FieldSelector(List<FieldRequirement> requirements) {
        this.requirements = requirements;
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /** A selector with the single term {@code field=value}. */
    public static FieldSelector equalTo(String field, String value) {
        return new FieldSelector(List.of(new FieldRequirement(field, Operator.EQUALS, value)));
    }

    /**
     * Parses a selector; null or empty selects everything. Terms are kept sorted by their text,
     * and empty terms (and the degenerate {@code =}) are dropped, as upstream does.
     *
     * @throws ApiException BadRequest, e.g. {@code invalid selector: 'a'; can't understand 'a'}
     */
    public static FieldSelector parse(String selector) {
        if (selector == null || selector.isEmpty()) {
            return EVERYTHING;
        }
        List<String> terms = splitTerms(selector);
        Collections.sort(terms);
        List<FieldRequirement> requirements = new ArrayList<>();
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            FieldRequirement requirement = term(selector, term);
            if (!requirement.field().isEmpty() || !requirement.value().isEmpty()) {
                requirements.add(requirement);
            }
        }
        return requirements.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(requirements));
    }

    /** Splits at commas that are not escaped by a backslash. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** The first {@code !=}, {@code ==} or {@code =} splits the term; the left side is taken verbatim. */
    private static FieldRequirement term(String selector, String term) {
        for (int i = 0; i < term.length(); i++) {
            if (term.startsWith("!=", i)) {
                return new FieldRequirement(term.substring(0, i), Operator.NOT_EQUALS, unescape(term.substring(i + 2)));
            }
            if (term.startsWith("==", i)) {
                return new FieldRequirement(term.substring(0, i), Operator.EQUALS, unescape(term.substring(i + 2)));
            }
            if (term.charAt(i) == '=') {
                return new FieldRequirement(term.substring(0, i), Operator.EQUALS, unescape(term.substring(i + 1)));
            }
        }
        throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + term + "'");
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(',') < 0 && value.indexOf('=') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escaped) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\" + c);
                }
                out.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '=') {
                // Upstream prints the character's code point here, e.g. 61 for '='.
                throw ApiException.badRequest("invalid field selector: unescaped character in value: " + (int) c);
            } else {
                out.append(c);
            }
        }
        if (escaped) {
            throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\");
        }
        return out.toString();
    }

    /** The terms, sorted by their source text. */
    public List<FieldRequirement> requirements() {
        return requirements;
    }

    /** True when there are no terms. */
    public boolean isEverything() {
        return requirements.isEmpty();
    }

    /** True when every term holds for the object's field values (a missing field reads as {@code ""}). */
    public boolean matches(Map<String, String> fieldValues) {
        for (FieldRequirement requirement : requirements) {
            if (!requirement.matches(fieldValues)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rejects the first term whose field label the kind does not support, worded as for kinds with
     * their own field labels (pods, events, nodes, ...): {@code field label not supported: <field>}.
     *
     * @throws ApiException BadRequest
     */
    public void validate(Predicate<String> supported) {
        for (FieldRequirement requirement : requirements) {
            if (!supported.test(requirement.field())) {
                throw ApiException.badRequest("field label not supported: " + requirement.field());
            }
        }
    }

    /**
     * Rejects any field label other than {@code metadata.name} and {@code metadata.namespace},
     * worded as for kinds without their own field labels (deployments, configmaps, ...):
     * {@code "x" is not a known field selector: only "metadata.name", "metadata.namespace"}.
     *
     * @throws ApiException BadRequest
     */
    public void validateMetadataOnly() {
        for (FieldRequirement requirement : requirements) {
            String field = requirement.field();
            if (!field.equals("metadata.name") && !field.equals("metadata.namespace")) {
                throw ApiException.badRequest("\"" + field + "\" is not a known field selector: only "
                        + "\"metadata.name\", \"metadata.namespace\"");
            }
        }
    }

    /**
     * The value {@code field} is pinned to by an {@code =} (or {@code ==}) term, e.g. the name in
     * {@code metadata.name=web}, so a list can look up one key instead of scanning. It is only a
     * hint: other terms still have to be checked with {@link #matches}.
     */
    public Optional<String> singleValue(String field) {
        for (FieldRequirement requirement : requirements) {
            if (requirement.operator() == Operator.EQUALS && requirement.field().equals(field)) {
                return Optional.of(requirement.value());
            }
        }
        return Optional.empty();
    }

    /** The canonical form: terms joined by commas, values escaped; empty for everything. */
    @Override
    public String toString() {
        return requirements.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldSelector that && requirements.equals(that.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
