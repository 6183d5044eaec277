/**
 * Declarative lifecycles: stages loaded from YAML ({@link io.kubesim.nodeagent.lifecycle.StageLoader}),
 * selectors over JSON paths, status templates with tokens, the pure
 * {@link io.kubesim.nodeagent.lifecycle.StageEngine} and the scheduling
 * {@link io.kubesim.nodeagent.lifecycle.StagePlayer}, generic over pods and nodes.
 */
package io.kubesim.nodeagent.lifecycle;
