package io.kubesim.server.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import io.kubesim.server.api.ApiException;
import io.kubesim.server.api.FieldError;
import io.kubesim.server.json.Json;
import io.kubesim.server.json.JsonTrees;
import io.kubesim.server.json.RevisionTemplate;
import io.kubesim.server.storage.KeyExistsException;
import io.kubesim.server.storage.KeyNotFoundException;
import io.kubesim.server.storage.RevisionMismatchException;
import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StoredObject;
import io.kubesim.server.storage.WriteResult;
import io.kubesim.server.watch.CacheList;
import io.kubesim.server.watch.CachedObject;
import io.kubesim.server.watch.ResourceCache;
import io.kubesim.server.watch.WatchFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Get, list, create, update and delete for any resource type, driven by its descriptor: the
 * fixed pipeline (system metadata → defaults → prepare → validate → storage), optimistic
 * concurrency, status/spec separation, graceful deletion and finalizers. Reads come from the
 * watch cache; writes go to storage, whose commit feeds the cache before the write is acknowledged.
 *
 * <p><b>Threads.</b> Call from an event loop: the CPU work (decode, validate, encode) runs on the
 * calling thread, storage work on the storage's threads, and conflict retries on the
 * {@code executor} the caller supplies (its own context), never on the storage writer. Futures
 * complete on a storage thread; callers hop back themselves. Thread-safe and stateless apart from
 * its collaborators.
 */
public final class GenericStore {

    private static final int MAX_ATTEMPTS = 16;
    private static final int MAX_NAME_ATTEMPTS = 8;

    private final ResourceDescriptor d;
    private final Storage storage;
    private final ResourceCache cache;
    private final NamespaceGuard namespaces;
    private final ObjectValidator validator;
    private final Clock clock;
    private final NameGenerator names;

    public GenericStore(ResourceDescriptor descriptor, Storage storage, ResourceCache cache, NamespaceGuard namespaces,
                        ObjectValidator validator, Clock clock, NameGenerator names) {
        this.d = descriptor;
        this.storage = storage;
        this.cache = cache;
        this.namespaces = namespaces;
        this.validator = validator;
        this.clock = clock;
        this.names = names;
    }

    /**
     * What an update writes to: the whole object (status kept), only its status, or (for
     * subresources such as {@code pods/binding} that the real server writes past the kind's
     * update rules) the mutation's result with only system metadata carried over.
     */
    public enum Target { MAIN, STATUS, SYSTEM }

    /** Computes the desired object from a private copy of the current one. */
    @FunctionalInterface
    public interface Mutation {
        ObjectNode apply(ObjectNode current);
    }

    /** The outcome of a delete: the last state, and whether the object is gone or terminating. */
    public record DeleteResult(StoredObject object, boolean gone) {
    }

    public ResourceDescriptor descriptor() {
        return d;
    }

    public ResourceCache cache() {
        return cache;
    }

    // ---------------------------------------------------------------- reads

    /** The current object; NotFound when absent. Lock-free. */
    public CachedObject get(String namespace, String name) {
        CachedObject o = cache.get(d.key(namespace, name));
        if (o == null) {
            throw notFound(name);
        }
        return o;
    }

    /** A page of the list; see {@link ResourceCache#list}. {@code namespace} null lists all. */
    public CacheList list(String namespace, String startAfterKey, int limit, long atRevision, WatchFilter filter) {
        return cache.list(d.keyPrefix(namespace), startAfterKey, limit, atRevision, filter);
    }

    // ---------------------------------------------------------------- create

    /**
     * Creates {@code object} in {@code namespace} (ignored for cluster-scoped kinds). The object's
     * kind and apiVersion must already be checked against the descriptor.
     */
    public CompletableFuture<StoredObject> create(String namespace, ObjectNode object, WriteOptions options,
                                                  Executor executor) {
        return createAttempt(namespace, object, options, executor, 1);
    }

    private CompletableFuture<StoredObject> createAttempt(String namespace, ObjectNode original, WriteOptions options,
                                                          Executor executor, int attempt) {
        ObjectNode object = original.deepCopy();
        ObjectNode meta = Json.child(object, "metadata");
        String generateName = Json.text(meta, "generateName");
        boolean generated = false;
        if ((Json.text(meta, "name") == null || Json.text(meta, "name").isEmpty())
                && generateName != null && !generateName.isEmpty()) {
            meta.put("name", names.generate(generateName));
            generated = true;
        }
        if (d.namespaced()) {
            meta.put("namespace", namespace);
            namespaces.checkCreate(d, namespace, generated ? null : Json.text(meta, "name"));
        } else {
            meta.remove("namespace");
        }
        String rv = Json.text(meta, "resourceVersion");
        if (rv != null && !rv.isEmpty()) {
            throw ApiException.badRequest("resourceVersion should not be set on objects to be created");
        }
        SystemMetadata.initialize(object, d, clock.instant());
        d.strategy().applyDefaults(object);
        d.strategy().prepareForCreate(object);
        List<FieldError> errors = new ArrayList<>(validator.validateCreate(d, object));
        errors.addAll(d.strategy().validate(object));
        String name = Json.text(meta, "name");
        if (!errors.isEmpty()) {
            d.strategy().afterWrite(object, null, false);
            throw ApiException.invalid(d.group(), d.kind(), name == null ? "" : name, errors);
        }
        RevisionTemplate template = RevisionTemplate.of(object);
        String key = d.key(namespace, name);
        if (options.dryRun()) {
            d.strategy().afterWrite(object, null, false);
            return CompletableFuture.completedFuture(new StoredObject(key, template.withoutRevision(), 0, 0));
        }
        boolean retryName = generated && attempt < MAX_NAME_ATTEMPTS;
        return storage.create(key, template)
                .thenApply(WriteResult::current)
                .handle((stored, failure) -> {
                    Throwable cause = unwrap(failure);
                    d.strategy().afterWrite(object, null, cause == null);
                    if (cause == null) {
                        return CompletableFuture.completedFuture(stored);
                    }
                    if (cause instanceof KeyExistsException) {
                        if (retryName) {
                            return CompletableFuture.supplyAsync(
                                    () -> createAttempt(namespace, original, options, executor, attempt + 1), executor)
                                    .thenCompose(f -> f);
                        }
                        throw ApiException.alreadyExists(d.qualifiedResource(), d.group(), d.plural(), name);
                    }
                    throw wrap(cause);
                })
                .thenCompose(f -> f);
    }

    // ---------------------------------------------------------------- update

    /**
     * Reads the current object, applies {@code mutation} and writes the result with a
     * compare-and-swap, retrying on a concurrent write. A {@code metadata.resourceVersion} in the
     * desired object is a precondition (409 Conflict when stale). An update that changes nothing is
     * not written. Removing the last finalizer of a terminating object deletes it.
     */
    public CompletableFuture<StoredObject> update(String namespace, String name, Mutation mutation, Target target,
                                                  WriteOptions options, Executor executor) {
        return updateAttempt(namespace, name, mutation, target, options, executor, 1);
    }

    private CompletableFuture<StoredObject> updateAttempt(String namespace, String name, Mutation mutation,
                                                          Target target, WriteOptions options, Executor executor,
                                                          int attempt) {
        String key = d.key(namespace, name);
        CachedObject cur = cache.get(key);
        if (cur == null) {
            throw notFound(name);
        }
        ObjectNode current = (ObjectNode) Json.parse(cur.json());
        ObjectNode desired = mutation.apply(current.deepCopy());
        ObjectNode next = prepareUpdate(desired, current, cur, target, name);
        if (JsonTrees.same(next, current)) {
            d.strategy().afterWrite(next, current, true);
            return CompletableFuture.completedFuture(stored(cur));
        }
        if (options.dryRun()) {
            d.strategy().afterWrite(next, current, false);
            return CompletableFuture.completedFuture(new StoredObject(key, RevisionTemplate.of(next)
                    .encode(cur.revision()), 0, cur.revision()));
        }
        CompletableFuture<StoredObject> write;
        if (readyToRemove(next, current)) {
            write = storage.delete(key, cur.revision()).thenApply(WriteResult::previous);
            write.whenComplete((r, t) -> {
                d.strategy().afterWrite(next, current, false);
                if (t == null) {
                    d.strategy().afterWrite(null, current, true);
                }
            });
        } else {
            write = storage.update(key, cur.revision(), RevisionTemplate.of(next)).thenApply(WriteResult::current);
            write.whenComplete((r, t) -> d.strategy().afterWrite(next, current, t == null));
        }
        return retryOnConflict(write, attempt, name,
                () -> updateAttempt(namespace, name, mutation, target, options, executor, attempt + 1), executor);
    }

    private ObjectNode prepareUpdate(ObjectNode desired, ObjectNode current, CachedObject cur, Target target,
                                     String name) {
        ObjectNode meta = Json.child(desired, "metadata");
        String rv = Json.text(meta, "resourceVersion");
        if (rv != null && !rv.isEmpty() && !rv.equals(Long.toString(cur.revision()))) {
            throw conflict(name);
        }
        String uid = Json.text(meta, "uid");
        if (uid != null && !uid.isEmpty() && !uid.equals(cur.uid())) {
            throw ApiException.conflict(d.qualifiedResource(), d.group(), d.plural(), name,
                    "Precondition failed: UID in precondition: " + uid + ", UID in object meta: " + cur.uid());
        }
        ObjectNode next;
        if (target == Target.STATUS) {
            // status writes keep the spec and the labels; annotations may change, as upstream's status
            // strategies allow (the deployment controller records its revision there)
            next = current.deepCopy();
            JsonNode status = desired.get("status");
            if (status == null) {
                next.remove("status");
            } else {
                next.set("status", status);
            }
            JsonNode annotations = desired.path("metadata").get("annotations");
            if (annotations == null || annotations.isEmpty()) {
                Json.child(next, "metadata").remove("annotations");
            } else {
                Json.child(next, "metadata").set("annotations", annotations);
            }
        } else {
            next = desired;
            next.put("kind", d.kind());
            next.put("apiVersion", d.apiVersion());
            if (target == Target.MAIN && d.has(Subresource.STATUS)) {
                JsonNode status = current.get("status");
                if (status == null) {
                    next.remove("status");
                } else {
                    next.set("status", status);
                }
            }
        }
        ObjectNode nextMeta = Json.child(next, "metadata");
        nextMeta.put("name", name);
        if (d.namespaced()) {
            nextMeta.put("namespace", cur.namespace());
        } else {
            nextMeta.remove("namespace");
        }
        SystemMetadata.carryOver(next, current, d);
        List<FieldError> errors = new ArrayList<>();
        if (target == Target.MAIN) {
            d.strategy().applyDefaults(next);
            d.strategy().prepareForUpdate(next, current);
            SystemMetadata.updateGeneration(next, current, d);
            errors.addAll(validator.validateUpdate(d, next, current));
            errors.addAll(d.strategy().validateUpdate(next, current));
        } else if (target == Target.STATUS) {
            errors.addAll(d.strategy().validateStatusUpdate(next, current));
        }
        if (!errors.isEmpty()) {
            d.strategy().afterWrite(next, current, false);
            throw ApiException.invalid(d.group(), d.kind(), name, errors);
        }
        return next;
    }

    // ---------------------------------------------------------------- delete

    /**
     * Deletes the object, or marks it terminating when finalizers, a grace period or the strategy
     * keep it: then {@code deletionTimestamp} is set and the result is not {@code gone}.
     */
    public CompletableFuture<DeleteResult> delete(String namespace, String name, DeleteOptions options,
                                                  Executor executor) {
        namespaces.checkDelete(d, namespace, name);
        return deleteAttempt(namespace, name, options, executor, 1);
    }

    private CompletableFuture<DeleteResult> deleteAttempt(String namespace, String name, DeleteOptions options,
                                                          Executor executor, int attempt) {
        String key = d.key(namespace, name);
        CachedObject cur = cache.get(key);
        if (cur == null) {
            throw notFound(name);
        }
        checkPreconditions(cur, options, name);
        ObjectNode current = (ObjectNode) Json.parse(cur.json());
        ObjectNode next = current.deepCopy();
        applyPropagationFinalizers(next, options.propagationPolicy());
        boolean keptByStrategy = d.strategy().prepareForDelete(next);
        OptionalLong grace = d.strategy().gracePeriodSeconds(next, options.gracePeriodSeconds());
        boolean graceful = grace.isPresent() && grace.getAsLong() > 0;
        boolean hasFinalizers = !finalizers(next).isEmpty();
        Instant now = clock.instant();

        if (options.dryRun()) {
            return CompletableFuture.completedFuture(new DeleteResult(stored(cur), !(graceful || hasFinalizers
                    || keptByStrategy)));
        }
        CompletableFuture<DeleteResult> write;
        if (!graceful && !hasFinalizers && !keptByStrategy) {
            write = storage.delete(key, cur.revision()).thenApply(r -> new DeleteResult(r.previous(), true));
            write.whenComplete((r, t) -> d.strategy().afterWrite(null, current, t == null));
        } else {
            ObjectNode meta = Json.child(next, "metadata");
            long seconds = graceful ? grace.getAsLong() : 0;
            if (isTerminating(current)) {
                long remaining = current.path("metadata").path("deletionGracePeriodSeconds").asLong(0);
                if (seconds >= remaining) {
                    seconds = remaining;
                } else {
                    meta.put("deletionTimestamp", SystemMetadata.timestamp(now.plusSeconds(seconds)));
                }
            } else {
                meta.put("deletionTimestamp", SystemMetadata.timestamp(now.plusSeconds(seconds)));
                if (meta.has("generation")) {
                    meta.put("generation", meta.path("generation").asLong() + 1);
                }
            }
            meta.put("deletionGracePeriodSeconds", seconds);
            if (JsonTrees.same(next, current)) {
                return CompletableFuture.completedFuture(new DeleteResult(stored(cur), false));
            }
            write = storage.update(key, cur.revision(), RevisionTemplate.of(next))
                    .thenApply(r -> new DeleteResult(r.current(), false));
        }
        return retryOnConflict(write, attempt, name,
                () -> deleteAttempt(namespace, name, options, executor, attempt + 1), executor);
    }

    private void checkPreconditions(CachedObject cur, DeleteOptions options, String name) {
        if (options.preconditionUid() != null && !options.preconditionUid().equals(cur.uid())) {
            throw ApiException.conflict(d.qualifiedResource(), d.group(), d.plural(), name,
                    "Precondition failed: UID in precondition: " + options.preconditionUid()
                            + ", UID in object meta: " + cur.uid());
        }
        String rv = options.preconditionResourceVersion();
        if (rv != null && !rv.equals(Long.toString(cur.revision()))) {
            throw ApiException.conflict(d.qualifiedResource(), d.group(), d.plural(), name,
                    "Precondition failed: ResourceVersion in precondition: " + rv
                            + ", ResourceVersion in object meta: " + cur.revision());
        }
    }

    /**
     * Records the propagation policy the way the real server does, as finalizers the garbage
     * collector acts on: {@code orphan} for Orphan, {@code foregroundDeletion} for Foreground.
     */
    private static void applyPropagationFinalizers(ObjectNode object, String policy) {
        if (policy == null || "Background".equals(policy)) {
            return;
        }
        String wanted = "Orphan".equals(policy) ? "orphan" : "Foreground".equals(policy) ? "foregroundDeletion" : null;
        if (wanted == null) {
            throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + policy
                    + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        String other = "orphan".equals(wanted) ? "foregroundDeletion" : "orphan";
        ObjectNode meta = Json.child(object, "metadata");
        List<String> fins = finalizers(object);
        fins.remove(other);
        if (!fins.contains(wanted)) {
            fins.add(wanted);
        }
        ArrayNode arr = meta.putArray("finalizers");
        fins.forEach(arr::add);
    }

    // ---------------------------------------------------------------- helpers

    private <T> CompletableFuture<T> retryOnConflict(CompletableFuture<T> write, int attempt, String name,
                                                     java.util.function.Supplier<CompletableFuture<T>> retry,
                                                     Executor executor) {
        return write.handle((value, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                return CompletableFuture.completedFuture(value);
            }
            if (cause instanceof RevisionMismatchException || cause instanceof KeyNotFoundException) {
                if (attempt < MAX_ATTEMPTS) {
                    return CompletableFuture.supplyAsync(retry, executor).thenCompose(f -> f);
                }
                throw conflict(name);
            }
            throw wrap(cause);
        }).thenCompose(f -> f);
    }

    /**
     * Whether an update finishes a deletion: the object was being deleted with no grace period
     * left (a graceful pod deletion runs until the kubelet deletes with grace 0, so its status
     * updates meanwhile must not remove it, as upstream's ShouldDeleteDuringUpdate), and no
     * finalizer or strategy keeps it.
     */
    private boolean readyToRemove(ObjectNode object, ObjectNode current) {
        return isTerminating(current) && current.path("metadata").path("deletionGracePeriodSeconds").asLong(0) == 0
                && finalizers(object).isEmpty() && !d.strategy().prepareForDelete(object.deepCopy());
    }

    private static boolean isTerminating(JsonNode object) {
        JsonNode ts = object.path("metadata").get("deletionTimestamp");
        return ts != null && !ts.isNull();
    }

    static List<String> finalizers(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.path("metadata").path("finalizers").forEach(f -> out.add(f.asString()));
        return out;
    }

    private static StoredObject stored(CachedObject o) {
        return new StoredObject(o.key(), o.json(), 0, o.revision());
    }

    private ApiException notFound(String name) {
        return ApiException.notFound(d.qualifiedResource(), d.group(), d.plural(), name);
    }

    private ApiException conflict(String name) {
        return ApiException.conflict(d.qualifiedResource(), d.group(), d.plural(), name, ApiException.MODIFIED);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException wrap(Throwable t) {
        return t instanceof RuntimeException r ? r : new CompletionException(t);
    }
}
