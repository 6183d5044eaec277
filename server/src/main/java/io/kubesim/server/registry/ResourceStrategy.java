package io.kubesim.server.registry;

import java.util.List;
import java.util.OptionalLong;

import io.kubesim.server.api.FieldError;
import tools.jackson.databind.node.ObjectNode;

/**
 * Per-kind policy that the generic store applies around every write. Every method has a default, so
 * a kind overrides only what differs from a plain object (ConfigMap needs nothing).
 *
 * <p>The generic store runs, for a create: system metadata → {@link #applyDefaults} →
 * {@link #prepareForCreate} → {@link #validate} (plus common metadata validation) → storage; for an
 * update: system metadata carried over → {@link #applyDefaults} → {@link #prepareForUpdate} →
 * {@link #validateUpdate} → storage. Status/spec separation and the {@code generation} bump are done
 * generically from the descriptor, not here.
 *
 * <p>Methods receive objects that the caller owns for the duration of the call; {@code validate*}
 * must not mutate. Implementations are stateless and thread-safe.
 */
public interface ResourceStrategy {

    /** Fills in the defaults the real API server applies (e.g. a pod's {@code restartPolicy}). */
    default void applyDefaults(ObjectNode object) {
    }

    /** Kind-specific preparation of a new object, after defaulting (e.g. a pod's initial phase). */
    default void prepareForCreate(ObjectNode object) {
    }

    /** Kind-specific preparation of an update of the main resource; {@code old} is read-only. */
    default void prepareForUpdate(ObjectNode object, ObjectNode old) {
    }

    /** Errors in a new object; empty when valid. Must not mutate. */
    default List<FieldError> validate(ObjectNode object) {
        return List.of();
    }

    /**
     * Errors in an update, including changes to immutable fields. Must not mutate. Defaults to
     * {@link #validate} of the new object.
     */
    default List<FieldError> validateUpdate(ObjectNode object, ObjectNode old) {
        return validate(object);
    }

    /**
     * Errors in a status update (through {@code /status}); defaults to none, because a status is
     * written by controllers that own it.
     */
    default List<FieldError> validateStatusUpdate(ObjectNode object, ObjectNode old) {
        return List.of();
    }

    /**
     * How long a delete of {@code object} waits before the object is removed: empty for an immediate
     * delete (most kinds), or the grace period in seconds that becomes
     * {@code metadata.deletionGracePeriodSeconds} (pods on a node). {@code requested} is
     * {@code DeleteOptions.gracePeriodSeconds}, or null when the client sent none.
     */
    default OptionalLong gracePeriodSeconds(ObjectNode object, Long requested) {
        return OptionalLong.empty();
    }

    /**
     * Called when a delete is requested, before finalizers and grace periods are considered. Returns
     * true when the object must stay, terminating, until something else finishes it: a namespace
     * with {@code spec.finalizers} sets its phase to Terminating here and returns true. May modify
     * {@code object}, which is then stored with its deletion timestamp.
     */
    default boolean prepareForDelete(ObjectNode object) {
        return false;
    }

    /**
     * Called once a write attempt is over, so a strategy that reserves something while preparing
     * (a service's cluster IP) can give back what did not end up stored.
     *
     * @param prepared what {@link #prepareForCreate} or {@link #prepareForUpdate} produced; null
     *                 for a delete
     * @param previous the object the write replaced or deleted; null for a create
     * @param stored   whether storage now holds {@code prepared} (or, for a delete, whether the
     *                 object is gone)
     */
    default void afterWrite(ObjectNode prepared, ObjectNode previous, boolean stored) {
    }
}
