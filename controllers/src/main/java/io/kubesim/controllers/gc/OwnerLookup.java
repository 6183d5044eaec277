package io.kubesim.controllers.gc;

/**
 * Asks the API server whether an owner the informers have not shown exists, so that a dependent
 * observed before its owner (separate watches race) is not collected by mistake. Implementations
 * are thread-safe.
 */
interface OwnerLookup {

    enum Presence {
        /** An object with that name and uid exists. */
        PRESENT,
        /** No object with that uid exists (none by that name, or one with another uid). */
        ABSENT
    }

    Presence check(ObjectRef owner);
}
