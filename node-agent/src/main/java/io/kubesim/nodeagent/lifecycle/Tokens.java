package io.kubesim.nodeagent.lifecycle;

import tools.jackson.databind.JsonNode;

/**
 * The values a stage's templates may use as {@code ${name}}: {@code now}, {@code nodeName},
 * {@code podIP}, per-container values such as {@code container.image}, ... Each kind of object
 * provides its own (see the pod and node packages); tests provide fixed ones. Implementations may
 * compute values lazily, e.g. allocate a pod IP only when a template asks for it.
 */
public interface Tokens {

    /**
     * The value of the token {@code name}, or null when this kind of object has no such token.
     *
     * @throws StageDeferredException when the value cannot be known yet (no pod CIDR on the node)
     */
    JsonNode value(String name);

    /**
     * The tokens inside a {@code $forEach} over {@code list} (the path it iterates, e.g.
     * {@code /spec/containers}), for its {@code index}-th {@code element}. Tokens it does not
     * define fall back to this scope.
     */
    Tokens forElement(String list, JsonNode element, int index);
}
