package io.kubesim.server.registry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.kubesim.server.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metadata fields the server owns ({@code uid}, {@code creationTimestamp},
 * {@code generation}, {@code deletionTimestamp}, ...): set on create, carried over on update, so
 * clients can neither forge nor lose them. Both steps also drop empty metadata maps and lists, as
 * the real server's Go types never write them back ({@code omitempty}). Stateless.
 */
final class SystemMetadata {

    private static final String[] CARRIED = {"uid", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds"};
    /** Collections in ObjectMeta that a patch can leave empty, e.g. removing the last label. */
    private static final String[] OMIT_EMPTY = {"labels", "annotations", "ownerReferences", "finalizers",
        "managedFields"};

    private SystemMetadata() {
    }

    /** RFC 3339 with second precision, as {@code metav1.Time} serializes. */
    static String timestamp(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static void initialize(ObjectNode object, ResourceDescriptor d, Instant now) {
        ObjectNode meta = Json.child(object, "metadata");
        meta.put("uid", UUID.randomUUID().toString());
        meta.put("creationTimestamp", timestamp(now));
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        meta.remove("selfLink");
        if (d.tracksGeneration()) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        dropEmptyCollections(meta);
    }

    /** Copies the server-owned fields of {@code current} into {@code next}. */
    static void carryOver(ObjectNode next, ObjectNode current, ResourceDescriptor d) {
        ObjectNode meta = Json.child(next, "metadata");
        JsonNode curMeta = current.path("metadata");
        for (String f : CARRIED) {
            JsonNode v = curMeta.get(f);
            if (v == null) {
                meta.remove(f);
            } else {
                meta.set(f, v);
            }
        }
        meta.remove("selfLink");
        meta.put("resourceVersion", curMeta.path("resourceVersion").asString(""));
        JsonNode generation = curMeta.get("generation");
        if (generation == null) {
            meta.remove("generation");
        } else {
            meta.set("generation", generation);
        }
        dropEmptyCollections(meta);
    }

    private static void dropEmptyCollections(ObjectNode meta) {
        for (String f : OMIT_EMPTY) {
            JsonNode v = meta.get(f);
            if (v != null && (v.isNull() || v.isContainer() && v.isEmpty())) {
                meta.remove(f);
            }
        }
    }

    /**
     * Sets {@code generation} of a fully prepared update: +1 when the spec changed on a kind that
     * tracks it (after defaulting, so a client omitting a defaulted field changes nothing).
     */
    static void updateGeneration(ObjectNode next, ObjectNode current, ResourceDescriptor d) {
        ObjectNode meta = Json.child(next, "metadata");
        JsonNode curMeta = current.path("metadata");
        if (d.tracksGeneration()) {
            long gen = curMeta.path("generation").asLong(1);
            boolean specChanged = !io.kubesim.server.json.JsonTrees.same(next.get("spec"), current.get("spec"));
            meta.put("generation", specChanged ? gen + 1 : gen);
        } else {
            meta.remove("generation");
        }
    }
}
