package io.kubesim.server.registry;

import java.util.EnumSet;
import java.util.Set;

/** API verbs as discovery names them. */
public enum Verb {
    create, delete, deletecollection, get, list, patch, update, watch;

    public static Set<Verb> all() {
        return EnumSet.allOf(Verb.class);
    }
}
