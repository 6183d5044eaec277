package io.kubesim.nodeagent.lifecycle;

/**
 * One declarative transition of an object's lifecycle, loaded from a stage file: when an object of
 * {@code kind} matches {@code selector}, wait {@code delay}, then do {@code next}. When several
 * stages match, one is chosen at random in proportion to {@code weight}. Immutable.
 *
 * @param name     the stage's name (file metadata.name), used in logs and metrics
 * @param kind     {@code Pod} or {@code Node}
 * @param selector which objects the stage applies to
 * @param weight   relative chance among matching stages; 0 disables the stage
 * @param delay    how long to wait
 * @param next     what to do
 */
public record Stage(String name, String kind, Selector selector, int weight, Delay delay, StageNext next) {
}
